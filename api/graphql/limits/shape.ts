import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** What one definition selects once every fragment spread is expanded. */
export interface Shape {
  /** Deepest field nesting (a root field is depth 1). */
  depth: number;
  /** Fields selected, counted once per place they would be resolved. */
  fields: number;
  /** Of those, the fields with an alias. */
  aliases: number;
}

const EMPTY: Shape = { depth: 0, fields: 0, aliases: 0 };

/**
 * The largest shape among a document's operations and fragments, in time linear in the document:
 * each fragment is measured once and its shape reused at every spread, so a fragment spreading
 * another twice, forty levels down, costs forty steps rather than 2^40. Counts may be huge numbers;
 * that is the point, they are compared with limits before anything walks the expansion.
 * Runs before validation, so unknown fragments and cycles (errors validation reports) count as empty.
 */
export function documentShape(document: DocumentNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, Shape>();

  const fragmentShape = (name: string): Shape => {
    const known = memo.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    memo.set(name, EMPTY); // a cycle reaching back here counts as empty
    const shape = fragment ? setShape(fragment.selectionSet) : EMPTY;
    memo.set(name, shape);
    return shape;
  };

  const setShape = (set: SelectionSetNode): Shape => {
    const out = { depth: 0, fields: 0, aliases: 0 };
    for (const sel of set.selections) {
      let inner: Shape;
      if (sel.kind === Kind.FIELD) {
        const child = sel.selectionSet ? setShape(sel.selectionSet) : EMPTY;
        inner = { depth: 1 + child.depth, fields: 1 + child.fields, aliases: (sel.alias ? 1 : 0) + child.aliases };
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        inner = setShape(sel.selectionSet);
      } else {
        inner = fragmentShape(sel.name.value);
      }
      out.depth = Math.max(out.depth, inner.depth);
      out.fields += inner.fields;
      out.aliases += inner.aliases;
    }
    return out;
  };

  const largest = { ...EMPTY };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION && def.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const shape = def.kind === Kind.FRAGMENT_DEFINITION ? fragmentShape(def.name.value) : setShape(def.selectionSet);
    largest.depth = Math.max(largest.depth, shape.depth);
    largest.fields = Math.max(largest.fields, shape.fields);
    largest.aliases = Math.max(largest.aliases, shape.aliases);
  }
  return largest;
}
