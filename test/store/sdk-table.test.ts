import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createDocumentClient } from '../../api/store/client.js';
import { createTable, sdkTable } from '../../api/store/sdk-table.js';
import type { Item, Table } from '../../api/store/table.js';

// The Table port's operations against one real DynamoDB-compatible server, through two clients at once
// (one from createTable, as the functions build it; one from a document client, as the tools do): each
// reads what the other wrote, pages resume across them, errors keep DynamoDB's names.

const TABLE = 'tide-contract';
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let one: Table;
let two: Table;

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, TABLE);
  one = createTable({ endpoint: dynamo.endpoint });
  two = sdkTable(createDocumentClient({ endpoint: dynamo.endpoint }));
});
afterAll(async () => {
  one.destroy();
  two.destroy();
  await dynamo.close();
});

const bytes = (...b: number[]) => new Uint8Array(b);
/** Every kind of attribute value, nested ones and edge values included. */
const everyKind = (pk: string): Item => ({
  pk,
  sk: 'ALL',
  s: 'text with "quotes", \\ backslash, emoji 📈 and ü',
  empty: '',
  n: 3.25,
  neg: -0.000123,
  big: Number.MAX_SAFE_INTEGER,
  zero: 0,
  t: true,
  f: false,
  nul: null,
  list: [1, 'two', null, [3], { four: 4 }],
  map: { B: 'a member named B', BS: 'and one named BS', nested: { deep: [true] } },
  strings: new Set(['a', 'b']),
  numbers: new Set([1, 2.5]),
  bin: bytes(0, 1, 2, 253, 254, 255),
  bins: new Set([bytes(1), bytes(2, 3)]),
  skipped: undefined,
});

const both = (f: (t: Table, name: 'one' | 'two') => Promise<unknown>) => Promise.all([f(one, 'one'), f(two, 'two')]);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error & { $metadata?: { httpStatusCode?: number } }) => ({ name: e.name, status: e.$metadata?.httpStatusCode }),
  );

describe('one table, two clients of the SDK', () => {
  it('writes every kind of value, and each reads what either wrote exactly as the other does', async () => {
    await both((t, name) => t.put({ TableName: TABLE, Item: everyKind(`K#${name}`) }));
    for (const written of ['one', 'two']) {
      const [a, b] = await both((t) => t.get({ TableName: TABLE, Key: { pk: `K#${written}`, sk: 'ALL' }, ConsistentRead: true }));
      expect(a).toEqual(b);
      const item = (a as { Item: Item }).Item;
      expect(item.bin).toEqual(bytes(0, 1, 2, 253, 254, 255));
      expect(item.map).toEqual({ B: 'a member named B', BS: 'and one named BS', nested: { deep: [true] } });
      expect('skipped' in item).toBe(false);
      expect(item.big).toBe(Number.MAX_SAFE_INTEGER);
    }
  });

  it('reads nothing for a missing item, and a projection with attribute names', async () => {
    const [a, b] = await both((t) => t.get({ TableName: TABLE, Key: { pk: 'K#none', sk: 'ALL' } }));
    expect(a).toEqual({ Item: undefined });
    expect(b).toEqual(a);
    const [p, q] = await both((t) => t.get({ TableName: TABLE, Key: { pk: 'K#one', sk: 'ALL' }, ProjectionExpression: '#s, n, #m.nested', ExpressionAttributeNames: { '#s': 's', '#m': 'map' } }));
    expect(p).toEqual({ Item: { s: everyKind('x').s, n: 3.25, map: { nested: { deep: [true] } } } });
    expect(q).toEqual(p);
  });

  it('queries a key range page by page, each client resuming from the key the other returned', async () => {
    for (let i = 0; i < 25; i++) await one.put({ TableName: TABLE, Item: { pk: 'Q', sk: `C#${String(i).padStart(2, '0')}`, i } });
    const input = { TableName: TABLE, KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': 'Q', ':a': 'C#03', ':b': 'C#21' }, Limit: 7 };
    const pages = { one: [] as number[][], two: [] as number[][] };
    for (const [first, second] of [
      [one, two],
      [two, one],
    ] as const) {
      let start: Item | undefined;
      const seen: number[][] = [];
      for (let n = 0; n === 0 || start; n++) {
        const out = await (n % 2 ? second : first).query({ ...input, ExclusiveStartKey: start });
        seen.push(out.Items.map((item) => item.i as number));
        start = out.LastEvaluatedKey;
      }
      pages[first === one ? 'one' : 'two'] = seen;
    }
    expect(pages.one).toEqual([
      [3, 4, 5, 6, 7, 8, 9],
      [10, 11, 12, 13, 14, 15, 16],
      [17, 18, 19, 20, 21],
    ]);
    expect(pages.two).toEqual(pages.one);
  });

  it('updates with names and values, deletes, and batch-writes puts and deletes alike', async () => {
    await both((t, name) => t.put({ TableName: TABLE, Item: { pk: `U#${name}`, sk: 'V', v: 'old' } }));
    await both((t, name) =>
      t.update({
        TableName: TABLE,
        Key: { pk: `U#${name}`, sk: 'V' },
        UpdateExpression: 'SET v = :v, #y = :v',
        ExpressionAttributeNames: { '#y': 'y2024' },
        ExpressionAttributeValues: { ':v': 'new' },
      }),
    );
    await both((t, name) =>
      t.batchWrite({ RequestItems: { [TABLE]: [{ PutRequest: { Item: { pk: `U#${name}`, sk: 'B1', bin: bytes(9) } } }, { DeleteRequest: { Key: { pk: `U#${name}`, sk: 'V' } } }] } }),
    );
    await both((t, name) => t.delete({ TableName: TABLE, Key: { pk: `U#${name}`, sk: 'B1' } }));
    const [a, b] = await both((t, name) => t.query({ TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `U#${name}` }, ConsistentRead: true }));
    expect(a).toEqual({ Items: [], LastEvaluatedKey: undefined });
    expect(b).toEqual(a);
  });

  it("fails with DynamoDB's own error names: a failed condition, an unknown table, a bad expression", async () => {
    const cases = [
      (t: Table) => t.put({ TableName: TABLE, Item: { pk: 'K#one', sk: 'ALL' }, ConditionExpression: 'attribute_not_exists(pk)' }),
      (t: Table) => t.get({ TableName: 'no-such-table', Key: { pk: 'a', sk: 'b' } }),
      (t: Table) => t.query({ TableName: TABLE, KeyConditionExpression: 'pk = ', ExpressionAttributeValues: { ':p': 'x' } }),
    ];
    const expected = ['ConditionalCheckFailedException', 'ResourceNotFoundException', 'ValidationException'];
    for (const [i, run] of cases.entries()) {
      const [a, b] = await both((t) => failure(run(t)));
      expect(a).toEqual({ name: expected[i], status: 400 });
      expect(b).toEqual(a);
    }
  });

  it('stops a call when its signal is aborted, with an AbortError', async () => {
    const [a, b] = await both((t) => failure(t.get({ TableName: TABLE, Key: { pk: 'K#one', sk: 'ALL' } }, { signal: AbortSignal.abort() })));
    expect(a).toMatchObject({ name: 'AbortError' });
    expect(b).toMatchObject({ name: 'AbortError' });
  });
});
