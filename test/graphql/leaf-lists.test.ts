import { ApolloServer } from '@apollo/server';
import { buildSchema, graphql, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { DateScalar } from '../../api/graphql/scalars.js';
import { describe, expect, it } from 'vitest';
import { attachResolvers } from '../../api/graphql/schema.js';
import { BULK_MIN_LENGTH, completeLeafListsInBulk, leafListsPlugin } from '../../api/graphql/leaf-lists.js';

// Long lists of leaves are serialized in bulk and filled into the result after execution. The answer
// must be exactly graphql-js's own, errors included: every query below runs through Apollo with the
// bulk path and through plain graphql-js on an unwrapped copy of the same schema, and the two are compared.

const SDL = `
  scalar Date
  enum Kind { A B }
  type Query { row(bad: String): Row, rows: [Row!]!, strict: Strict, short: Row }
  type Row {
    floats: [Float]!
    dates: [Date!]!
    ints: [Int]
    strings: [String!]
    flags: [Boolean]!
    kinds: [Kind!]!
    later: [Float]!
  }
  type Strict { must: String!, floats: [Float]! }
`;

const N = 100;
const series = <T>(f: (i: number) => T): T[] => Array.from({ length: N }, (_, i) => f(i));
const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);

/** Clean lists, or lists spoiled in the way `bad` names, at positions past BULK_MIN_LENGTH. */
function row(bad?: string | null) {
  const floats: unknown[] = series((i) => (i % 7 === 0 ? null : i / 4));
  const dates: unknown[] = series(day);
  const ints: unknown[] = series((i) => i * 1000);
  const strings: unknown[] = series((i) => `s${i}`);
  if (bad === 'nan') floats[70] = NaN;
  if (bad === 'numeric-string') floats[71] = '1.5'; // graphql-js coerces it to 1.5
  if (bad === 'boolean') floats[72] = true; // and this to 1
  if (bad === 'null-date') dates[80] = null;
  if (bad === 'int-overflow') ints[90] = 2 ** 31;
  if (bad === 'promise-item') floats[65] = Promise.resolve(9);
  if (bad === 'undefined') strings[66] = undefined;
  if (bad === 'infinite') floats[99] = -Infinity;
  if (bad === 'date-object') dates[75] = { then: undefined, toString: () => 'x' };
  return {
    floats,
    dates,
    ints,
    strings,
    flags: series((i) => i % 2 === 0),
    kinds: series((i) => (i % 3 ? 'A' : 'B')),
    later: async () => series((i) => i * 1.5),
  };
}

const resolvers = {
  Date: DateScalar, // serializes as is: checked in a pass of its own
  Query: {
    row: (_: unknown, { bad }: { bad?: string }) => row(bad),
    rows: () => [row(), row('nan')],
    strict: () => ({
      must: () => {
        throw new Error('must failed');
      },
      floats: series((i) => i),
    }),
    short: () => ({ ...row(), floats: [1, 2, 3] }),
  },
};

const plainSchema = (): GraphQLSchema => attachResolvers(buildSchema(SDL), resolvers);

async function both(query: string): Promise<{ bulk: ExecutionResult; plain: ExecutionResult }> {
  const server = new ApolloServer({ schema: completeLeafListsInBulk(plainSchema()), plugins: [leafListsPlugin] });
  await server.start();
  const res = await server.executeOperation({ query }, { contextValue: {} });
  await server.stop();
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  const plain = await graphql({ schema: plainSchema(), source: query, contextValue: {} });
  return { bulk: res.body.singleResult as ExecutionResult, plain };
}

const comparable = (r: ExecutionResult) => ({
  data: JSON.parse(JSON.stringify(r.data ?? null)),
  errors: (r.errors ?? []).map((e) => ({ message: e.message, path: e.path })),
});

const ALL = 'floats dates ints strings flags kinds later';

describe('long lists of leaves serialized in bulk', () => {
  it.each([
    ['clean lists of every leaf type', `{ row { ${ALL} } }`],
    ['aliases, and lists inside a list of objects', `{ a: row { f: floats, g: floats } rows { floats dates } }`],
    ["NaN in [Float]: that item null, graphql-js's error at its index", `{ row(bad: "nan") { floats dates } }`],
    ['a numeric string and a boolean coerced as graphql-js coerces them', `{ x: row(bad: "numeric-string") { floats } y: row(bad: "boolean") { floats } }`],
    ['a null in [Date!]!: the null runs up to the nullable row', `{ row(bad: "null-date") { dates floats } }`],
    ['an Int over 32 bits', `{ row(bad: "int-overflow") { ints } }`],
    ['a promise inside a list', `{ row(bad: "promise-item") { floats } }`],
    ['undefined in a list of non-null strings', `{ row(bad: "undefined") { strings } }`],
    ['-Infinity in [Float]', `{ row(bad: "infinite") { floats } }`],
    ['an object in a list of a scalar that serializes as is', `{ row(bad: "date-object") { dates } }`],
    ['a list whose parent an error nulled', `{ strict { floats must } row { floats } }`],
    ['a short list, left to graphql-js', `{ short { floats dates } }`],
  ])('%s: the same answer as graphql-js', async (_name, query) => {
    const { bulk, plain } = await both(query);
    expect(comparable(bulk)).toEqual(comparable(plain));
    expect(JSON.stringify(bulk.data)).toContain(query.includes('short') ? '[1,2,3]' : '"'); // something was answered
  });

  it('takes the bulk path only for requests the plugin has seen, and only for long lists', async () => {
    const schema = completeLeafListsInBulk(plainSchema());
    const field = (schema.getType('Row') as import('graphql').GraphQLObjectType).getFields().floats;
    const info = { fieldName: 'floats', path: { prev: undefined, key: 'floats', typename: 'Row' } } as never;
    const long = { floats: series((i) => i) };
    const short = { floats: series((i) => i).slice(0, BULK_MIN_LENGTH - 1) };
    const unseen = {};
    expect(field.resolve!(long, {}, unseen, info)).toBe(long.floats); // plain graphql-js execution: untouched
    const seen = {};
    await (leafListsPlugin.requestDidStart as (rc: unknown) => Promise<unknown>)({ contextValue: seen });
    expect(field.resolve!(long, {}, seen, info)).toEqual([]); // handed to graphql-js empty, filled later
    expect(field.resolve!(short, {}, seen, info)).toBe(short.floats);
  });
});
