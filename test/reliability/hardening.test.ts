import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createHttpServer } from '../../api/local/http-server.js';
import type { Revision } from '../../api/series/types.js';
import { createTable } from '../../api/store/sdk-table.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { captureOutput } from '../helpers/capture-logs.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { writeSeries } from '../helpers/write-series.js';

// Each request an attacker or a heavy user can send to stall Tide, over real HTTP to the local
// runtime's server (the Lambda handler) and a real dynalite behind a fault-injecting proxy. Every
// case asserts the answer's status and code, then that the next valid query is answered. Nothing
// here is a timing threshold: a case that used to freeze the server is asserted to complete.

const TABLE = 'tide-hardening';
const LIMIT_ENV = ['TIDE_MAX_CONCURRENT', 'TIDE_REQUEST_DEADLINE_MS', 'TIDE_MAX_COMPLEXITY', 'TIDE_MAX_ALIASES', 'TIDE_MAX_FIELDS'];
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let store: SeriesStore;
let base: string;
let apiKey: string;
let http: ReturnType<typeof createHttpServer>;

const meta = (id: string) => ({ id, name: `Test ${id}`, unit: 'Index', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } });
const TEN = [101, 102.5, 99.25, 100, 103, 104.5, 102, 101.5, 105, 106];
const days = (n: number, from = '2024-07-01'): string[] => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10));

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, TABLE);
  proxy = await startFaultProxy(dynamo.endpoint);
  store = new SeriesStore({ table: createTable({ endpoint: proxy.endpoint, requestTimeoutMs: 1_000, maxAttempts: 3 }), tableName: TABLE });
  for (const id of ['A', 'B'])
    await writeSeries(
      store,
      meta(id),
      days(10).map((date, i) => ({ date, value: id === 'A' ? TEN[i] : TEN[9 - i], realtimeStart: date })),
    );
  ({ key: apiKey } = await new ApiKeyStore(store.table, TABLE).create('hardening test'));
  process.env.TIDE_META_TTL_MS = '0';
  // No cross-request read cache: these cases inject faults into the store's reads, which a warm cache would never make.
  http = createHttpServer(createGraphqlHandler(store, { cache: false }), { root: '.', ide: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterEach(() => {
  proxy.clear();
  for (const name of LIMIT_ENV) delete process.env[name];
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await proxy.close();
  await dynamo.close();
});

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[] };
}

async function post(body: string, path = '/graphql'): Promise<Answer> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
const query = (q: string, variables?: Record<string, unknown>) => post(JSON.stringify({ query: q, variables }));

async function get(path: string): Promise<Answer> {
  const res = await fetch(`${base}${path}`);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** The next valid query is answered, with the values stored. */
async function nextQueryAnswered(): Promise<void> {
  const res = await query('{ series(id: "A") { observations { values } } }');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ data: { series: { observations: { values: TEN } } } });
}

const codes = (a: Answer) => a.body.errors?.map((e) => e.extensions?.code);

describe('limits computed in linear time, before execution', () => {
  it('40 fragments each spreading the previous twice (2^40 fields) are refused as too many fields, not walked', { timeout: 120_000 }, async () => {
    let doc = 'query Q { ...F40 }\nfragment F0 on Query { __typename }\n';
    for (let i = 1; i <= 40; i++) doc += `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }\n`;
    const res = await query(doc);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        message: `This query selects ${2 ** 40} fields (fragments expanded), over the limit of 5000; split it into several requests or use fewer fragment spreads`,
        extensions: { code: 'TOO_MANY_FIELDS' },
      },
    ]);
    await nextQueryAnswered();
  });

  it('fragments reused within the limit are still answered, their fields counted once per spread', async () => {
    process.env.TIDE_MAX_FIELDS = '8';
    const doc = (levels: number) => {
      let d = `query Q { ...F${levels} }\nfragment F0 on Query { __typename }\n`;
      for (let i = 1; i <= levels; i++) d += `fragment F${i} on Query { ...F${i - 1} x${i}: __typename }\n`;
      return d;
    };
    const at = await query(doc(7)); // 7 aliased fields + the __typename of F0 = 8
    expect(at.status).toBe(200);
    expect(at.body.data).toMatchObject({ __typename: 'Query', x7: 'Query' });
    const over = await query(doc(8));
    expect(over.status).toBe(400);
    expect(codes(over)).toEqual(['TOO_MANY_FIELDS']);
    await nextQueryAnswered();
  });

  it('a negative page size is refused before the cost is computed or anything is read, even beside 2,000 costly aliases', async () => {
    const aliases = Array.from({ length: 2000 }, (_, i) => `a${i}: indicator(name: CORRELATION, inputs: ["A", "B"], window: 3) { values }`).join(' ');
    process.env.TIDE_MAX_ALIASES = '5000';
    process.env.TIDE_MAX_FIELDS = '10000';
    const reads = proxy.seen.Query ?? 0;
    const res = await query(`{ s: searchSeries(first: -1000000) { nodes { id } } ${aliases} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: '"first" must be a whole number from 1 to 100; got -1000000', extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } }]);
    expect(proxy.seen.Query ?? 0).toBe(reads);
    // With a valid page size, the same aliases are priced (2,000 × 21 units) and refused as too costly.
    const costly = await query(`{ s: searchSeries(first: 1) { nodes { id } } ${aliases} }`);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].message).toMatch(/^This query costs 42003 units, over the limit of 6000/);
    expect(codes(costly)).toEqual(['QUERY_TOO_COMPLEX']);
    await nextQueryAnswered();
  });

  it('a zero page size passed as a variable is refused the same way', async () => {
    const res = await query('query S($n: Int) { searchSeries(first: $n) { totalCount } }', { n: 0 });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', argumentName: 'first' } });
    await nextQueryAnswered();
  });

  it('an indicator costs more for each input past two, so a long input list cannot ride on one price', async () => {
    process.env.TIDE_MAX_COMPLEXITY = '100';
    const inputs = JSON.stringify(Array.from({ length: 10 }, (_, i) => (i % 2 ? 'A' : 'B')));
    const res = await query(`{ indicator(name: CHANGE, inputs: ${inputs}) { values } }`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].message).toMatch(/^This query costs 101 units/); // 20 + 8 × 10 + values 1
    await nextQueryAnswered();
  });
});

describe('bounded work per request', () => {
  it('10,000 aliases are a 400 with TOO_MANY_ALIASES', async () => {
    const res = await query(`{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { message: 'This query has 10000 aliased fields (fragments expanded), over the limit of 1000; split it into several requests', extensions: { code: 'TOO_MANY_ALIASES' } },
    ]);
    await nextQueryAnswered();
  });

  it('a document past the token limit is refused with a 400 once the parser reaches the limit', async () => {
    const res = await query(`{ ${'__typename '.repeat(60_000)} }`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: 'This query has more than 50000 tokens; split it into several requests', extensions: { code: 'QUERY_TOO_LARGE' } }]);
    await nextQueryAnswered();
  });

  it('a 900 KB search text is refused as bad input, and a concurrent query is not held up behind it', async () => {
    const big = query('query S($t: String) { searchSeries(text: $t) { totalCount } }', { t: 'a '.repeat(450_000) });
    const small = await query('{ __typename }');
    expect(small.body).toEqual({ data: { __typename: 'Query' } });
    const res = await big;
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        message: '"text" is 900000 characters long; search with at most 200 (a few words of an id, name or source)',
        extensions: { code: 'BAD_USER_INPUT', argumentName: 'text' },
      }),
    ]);
    const words = await query(`{ searchSeries(text: "${Array.from({ length: 11 }, (_, i) => `w${i}`).join(' ')}") { totalCount } }`);
    expect(words.body.errors?.[0]).toMatchObject({ message: '"text" has 11 different words; search with at most 10', extensions: { code: 'BAD_USER_INPUT' } });
    expect((await query('{ searchSeries(text: "Test B") { totalCount } }')).body).toEqual({ data: { searchSeries: { totalCount: 1 } } });
    await nextQueryAnswered();
  });

  it('a series id over 2,048 bytes is bad input, never sent to the store nor logged as an error', async () => {
    const logs = captureOutput();
    const gets = proxy.seen.GetItem ?? 0;
    let res: Answer;
    try {
      res = await query(`{ series(id: "${'X'.repeat(3000)}") { id } indicator(name: CHANGE, inputs: ["${'Y'.repeat(3000)}"]) { values } }`);
    } finally {
      logs.stop();
    }
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.message.slice(0, 60)])).toEqual([
      ['BAD_USER_INPUT', 'A series id is at most 128 characters; this one has 3000 ("X'],
      ['BAD_USER_INPUT', 'A series id is at most 128 characters; this one has 3000 ("Y'],
    ]);
    expect(proxy.seen.GetItem ?? 0).toBe(gets);
    expect(logs.lines().filter((l) => /"level":"ERROR"|ValidationException/.test(l))).toEqual([]);
    await nextQueryAnswered();
  });

  it('a request past its deadline is answered with DEADLINE_EXCEEDED and its reads are abandoned', { timeout: 60_000 }, async () => {
    process.env.TIDE_REQUEST_DEADLINE_MS = '300';
    proxy.inject('Query', { kind: 'hang', ms: 20_000 }, Infinity);
    const before = proxy.seen.Query ?? 0;
    const res = await query('{ series(id: "A") { observations { values } } }');
    expect(res.status).toBe(504);
    expect(res.body).toEqual({
      errors: [{ message: 'This request did not finish within 300 ms and was stopped; ask for less (a shorter range, fewer series or cells), or retry', extensions: { code: 'DEADLINE_EXCEEDED' } }],
    });
    expect((proxy.seen.Query ?? 0) - before).toBe(1);
    // Abandoned: the hung read was cancelled, so the client's own timeout (1 s) never fires a retry.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((proxy.seen.Query ?? 0) - before).toBe(1);
    proxy.clear();
    delete process.env.TIDE_REQUEST_DEADLINE_MS;
    await nextQueryAnswered();
  });
});

describe('errors are GraphQL-shaped JSON with a code', () => {
  it.each([
    ['/addin/%', 400, 'BAD_REQUEST'],
    ['/addin/%E0%A4%A', 400, 'BAD_REQUEST'],
    ['/addin/%00', 400, 'BAD_REQUEST'],
    ['/addin/no-such-file.js', 404, 'NOT_FOUND'],
    ['/elsewhere', 404, 'NOT_FOUND'],
  ])('GET %s is a %i with %s', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(codes(res)).toEqual([code]);
    await nextQueryAnswered();
  });

  it('malformed JSON is a GraphQL-shaped 400', async () => {
    const res = await post('{"query": "{ __typename }"');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { message: expect.stringMatching(/^The request body is not valid JSON \(.+\); send \{"query": "\.\.\.", "variables": \{\.\.\.\}\}$/), extensions: { code: 'BAD_REQUEST' } },
    ]);
    await nextQueryAnswered();
  });
});

describe('load shedding', () => {
  it('past the concurrency limit a request is answered at once with 503 and Retry-After, not queued', { timeout: 60_000 }, async () => {
    process.env.TIDE_MAX_CONCURRENT = '2';
    proxy.inject('Query', { kind: 'hang', ms: 20_000 }, 2); // each held read times out once, then its retry is answered
    const held = [query('{ series(id: "A") { observations { values } } }'), query('{ series(id: "B") { observations { values } } }')];
    while ((proxy.injected.Query ?? 0) < 2) await new Promise((resolve) => setTimeout(resolve, 20)); // both are in flight
    const shed = await query('{ __typename }');
    expect(shed.status).toBe(503);
    expect(shed.headers.get('retry-after')).toBe('1');
    expect(shed.body).toEqual({ errors: [{ message: 'Tide is answering 2 requests already; retry in 1 s', extensions: { code: 'SERVICE_OVERLOADED' } }] });
    // The held requests are answered in full, freeing their places.
    expect((await Promise.all(held)).map((a) => a.body)).toEqual([{ data: { series: { observations: { values: TEN } } } }, { data: { series: { observations: { values: [...TEN].reverse() } } } }]);
    await nextQueryAnswered();
  });
});

describe('series of any length', () => {
  it('a 100-year daily series published day by day, with a revision of every value, stores and reads', { timeout: 300_000 }, async () => {
    const dates = days(36_525, '1925-01-01');
    const revisions: Revision[] = dates.flatMap((date, i) => [
      { date, value: i, realtimeStart: date },
      { date, value: i + 0.5, realtimeStart: dates[Math.min(i + 30, dates.length - 1)] === date ? '2025-01-01' : dates[Math.min(i + 30, dates.length - 1)] },
    ]);
    const written = await writeSeries(store, meta('CENTURY'), revisions);
    // The last 30 dates are all revised on the last day by +0.5 on one-decimal values: one factor
    // reproduces them to the decimal, so they are stored as rescales, every other revision as itself.
    const stored = await store.readHistory('CENTURY');
    expect(stored.revisions.length).toBe(revisions.length - 30);
    expect(stored.rescales.map((k) => k.at)).toEqual(stored.rescales.map(() => dates[dates.length - 1]));
    expect(written).toBe(stored.revisions.length + stored.rescales.length);
    expect(stored.rescales.length).toBeGreaterThan(0);
    expect(stored.rescales.length).toBeLessThan(30);
    const res = await query(`{ series(id: "CENTURY") { firstDate lastDate vintages
      latest { date value } first: observations(to: "1925-01-10", asOf: "1925-01-20") { values }
      window: observations(from: "2024-12-01", to: "2024-12-31") { dates values } } }`);
    expect(res.status).toBe(200);
    const s = res.body.data.series;
    expect(s).toMatchObject({ firstDate: '1925-01-01', lastDate: dates[dates.length - 1], latest: { date: dates[dates.length - 1], value: dates.length - 0.5 } });
    expect(s.vintages).toEqual([...dates, ...(dates[dates.length - 1] < '2025-01-01' ? ['2025-01-01'] : [])]);
    expect(s.first.values).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // first prints: the revisions come 30 days later
    const dec = dates.indexOf('2024-12-01');
    expect(s.window.values).toEqual(Array.from({ length: 31 }, (_, i) => dec + i + 0.5));
    await nextQueryAnswered();
  });

  it('a write that fails before its metadata leaves no chunk visible: a new series leaves nothing, an existing one is put back', { timeout: 120_000 }, async () => {
    const items = async (id: string) =>
      (await store.table.query({ TableName: TABLE, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `S#${id}` } })).Items
        // The VERSION item holds only cache tokens, never data: a failed write may leave its new token there.
        .filter((i) => i.sk !== 'VERSION')
        .map((i) => JSON.stringify(Object.entries(i).sort()));
    const revs = (from: string, n: number, v0: number): Revision[] => days(n, from).map((date, i) => ({ date, value: v0 + i, realtimeStart: date }));
    await writeSeries(store, meta('KEPT'), revs('2023-12-20', 20, 0));
    const kept = await items('KEPT');
    // The metadata put fails past the client's retries; the chunks and vintage pages were written before it.
    proxy.inject('PutItem', { kind: 'server-error' }, Infinity);
    await expect(writeSeries(store, meta('ORPHAN'), revs('2022-12-25', 400, 0))).rejects.toThrow();
    await expect(writeSeries(store, meta('KEPT'), revs('2024-01-05', 400, 100))).rejects.toThrow();
    expect(proxy.injected.PutItem).toBeGreaterThanOrEqual(2);
    proxy.clear();
    expect(await items('ORPHAN')).toEqual([]);
    expect(await items('KEPT')).toEqual(kept);
    // Re-running the failed write completes it.
    expect(await writeSeries(store, meta('ORPHAN'), revs('2022-12-25', 400, 0))).toBe(400);
    expect((await query('{ series(id: "ORPHAN") { lastDate observations(from: "2024-01-01") { values } } }')).body.data.series).toEqual({
      lastDate: '2024-01-28',
      observations: { values: Array.from({ length: 28 }, (_, i) => 372 + i) },
    });
    await nextQueryAnswered();
  });
});

describe('the local runtime honours the Lambda settings', () => {
  it('with TIDE_INTROSPECTION=false it refuses schema queries and suggests no field names', { timeout: 120_000 }, async () => {
    const { startApi } = await import('../helpers/local-api.js');
    process.env.TIDE_INTROSPECTION = 'false';
    const api = await startApi();
    try {
      const typo = await api.query('{ serie(id: "RUT") { id } }');
      expect(typo.status).toBe(400);
      expect(typo.errors).toEqual([expect.objectContaining({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })]);
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
      expect(typo.errors?.[0].message).not.toMatch(/series/);
      const schema = await api.query('{ __schema { types { name } } }');
      expect(schema.status).toBe(400);
      expect(schema.errors?.[0].message).toMatch(/introspection/i);
      const next = await api.query('{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-03") { dates } } }');
      expect(next).toEqual({ status: 200, data: { series: { observations: { dates: ['2024-07-01', '2024-07-02', '2024-07-03'] } } } });
    } finally {
      delete process.env.TIDE_INTROSPECTION;
      await api.close();
    }
  });
});
