import { operandCount } from '../../series/expression.js';
import {
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

// The schema may come from another copy of graphql than this module (Apollo loads graphql's CommonJS
// build, a test runner or bundler its ESM one), so nothing here relies on instanceof: types are
// unwrapped and told apart by shape, and argument values are read from the syntax tree.
const namedType = (type: GraphQLType): GraphQLNamedType => {
  let t = type as GraphQLType & { ofType?: GraphQLType };
  while (t.ofType) t = t.ofType as typeof t;
  return t as GraphQLNamedType;
};
const fieldsOf = (type: GraphQLNamedType): Record<string, GraphQLField<unknown, unknown>> | undefined =>
  typeof (type as { getFields?: unknown }).getFields === 'function' ? (type as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields() : undefined;
const argumentsOf = (node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value, variables)]));

// What a field costs beyond its children, in units of "one small item read". Every field that reads
// data is here: a series' metadata is one item; its observations are chunks read and transformed; its
// vintages are items of their own; an indicator reads each input series and computes over it; a
// search reads the catalog. Every other field costs 1.
const COSTS: Record<string, number> = {
  'Query.series': 1,
  'Series.observations': 10,
  'Series.latest': 5,
  'Series.vintages': 2,
  'Series.freshness': 2,
  'Series.revisions': 5,
  'Series.revisionsSince': 10,
  'Query.indicator': 20,
  'Query.positioning': 20,
  'Query.cutProbabilities': 20,
  'Query.ratePath': 20,
};
/** An indicator's cost covers two inputs; each input beyond them is one more series read. */
const PER_EXTRA_INPUT = 10;
const ARGUMENTS_READ = new Set(['Query.searchSeries', 'Query.indicator', 'Query.series']);

/** Series an id or expression reads ("RUT / QQQ" reads two): every read below it is made once per operand. */
const operandsOf = (id: unknown): number => (typeof id === 'string' ? operandCount(id) : 1);
const SEARCH_DEFAULT_FIRST = 20;

/** The cost units a field adds, given its arguments and what its own selection costs. */
function fieldCost(key: string, args: Record<string, unknown>, childCost: number): number {
  if (key === 'Query.searchSeries') {
    const first = typeof args.first === 'number' ? args.first : SEARCH_DEFAULT_FIRST;
    return 1 + first * childCost; // first is checked to be 1..100 before this runs
  }
  if (key === 'Query.indicator') {
    const inputs = Array.isArray(args.inputs) ? args.inputs.reduce<number>((n, id) => n + operandsOf(id), 0) : 0;
    return COSTS[key] + PER_EXTRA_INPUT * Math.max(0, inputs - 2) + childCost;
  }
  if (key === 'Query.series') return operandsOf(args.id) * (COSTS[key] + childCost);
  return (COSTS[key] ?? 1) + childCost;
}

/**
 * An operation's cost, in time linear in the document: each fragment's cost is computed once (its
 * type condition fixes its parent type, and the variables are fixed for the request) and reused at
 * every spread. Runs after validation, so fields, fragments and arguments are known to fit the schema.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, number>();

  const fieldDef = (parent: GraphQLNamedType, node: FieldNode): GraphQLField<unknown, unknown> | undefined => {
    const name = node.name.value;
    if (name === '__schema') return { ...schemaMeta, type: schema.getType('__Schema')! } as never;
    if (name === '__type') return { ...schemaMeta, type: schema.getType('__Type')! } as never;
    return fieldsOf(parent)?.[name];
  };

  const setCost = (parent: GraphQLNamedType, set: SelectionSetNode): number => {
    let total = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const def = fieldDef(parent, sel);
        const child = def && sel.selectionSet ? setCost(namedType(def.type), sel.selectionSet) : 0;
        const key = `${parent.name}.${sel.name.value}`;
        // Only these two fields' arguments change their cost; reading every argument of a 200-field batch cost more than the rest.
        const args = ARGUMENTS_READ.has(key) && sel.arguments?.length ? argumentsOf(sel, variables) : {};
        total += fieldCost(key, args, child);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        total += setCost(type ?? parent, sel.selectionSet);
      } else {
        total += fragmentCost(sel.name.value);
      }
    }
    return total;
  };

  const fragmentCost = (name: string): number => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    const cost = fragment && type ? setCost(type, fragment.selectionSet) : 0;
    memo.set(name, cost);
    return cost;
  };

  const root = schema.getQueryType();
  return root ? setCost(root, operation.selectionSet) : 0;
}

// __schema and __type take no argument this model reads; only their type matters.
const schemaMeta = { name: '', description: undefined, args: [], extensions: {}, astNode: undefined, deprecationReason: undefined };
