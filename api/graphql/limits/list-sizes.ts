import { valueFromASTUntyped, visit, type DocumentNode, type ValueNode } from 'graphql';
import { MAX_PAGE_SIZE } from '../../services/search.js';
import { graphqlError } from '../errors.js';

// Where a document passes `first`, found once per parsed document: Apollo hands a repeated query
// the same one, and walking a 200-field batch again for each request allocated more than answering it.
const pageSizes = new WeakMap<DocumentNode, ValueNode[]>();

function firstArguments(document: DocumentNode): ValueNode[] {
  let found = pageSizes.get(document);
  if (found) return found;
  found = [];
  const values = found;
  visit(document, {
    Argument(node) {
      if (node.name.value === 'first') values.push(node.value);
    },
    // Arguments inside directives are not list sizes.
    Directive: () => false,
  });
  pageSizes.set(document, found);
  return found;
}

/**
 * Refuses a page size outside 1..MAX_PAGE_SIZE wherever a `first` argument appears, before the
 * cost is computed: the cost multiplies by it, so a negative one would make any query look cheap.
 * Fragments are looked at once, where they are defined.
 */
export function checkListSizes(document: DocumentNode, variables: Record<string, unknown>): void {
  for (const node of firstArguments(document)) {
    const first = valueFromASTUntyped(node, variables) as number | null | undefined;
    // Absent, the default page size applies; not a number, Apollo refuses the variable itself.
    if (typeof first !== 'number') continue;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw graphqlError('BAD_USER_INPUT', `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}`, { argumentName: 'first', httpStatus: 400 });
    }
  }
}
