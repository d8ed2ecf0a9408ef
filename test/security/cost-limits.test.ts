import { getIntrospectionQuery } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { sourceColumn } from '../helpers/source-csv.js';

// Limits are read from the environment on every request (serverless.yml sets them per stage), so
// each test can set the value it needs; afterEach restores the defaults.

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
afterEach(() => {
  delete process.env.TIDE_MAX_COMPLEXITY;
  delete process.env.TIDE_MAX_POINTS;
  delete process.env.TIDE_MAX_DEPTH;
});

/**
 * `{ __type(name: "Series") { ofType { ofType { ... { name } } } } }`, nested `depth` levels: type
 * references are the one thing in this schema that nests without end (graphql-js already stops
 * recursion through fields/interfaces; it does not bound ofType chains).
 */
const deepTypeRef = (depth: number): string => `{ __type(name: "Series") { ${'ofType { '.repeat(depth - 2)}name ${'} '.repeat(depth - 2)}} }`;

describe('depth limit', () => {
  it('admits the standard introspection query (depth 15) and refuses one level more', async () => {
    const standard = await api.query(getIntrospectionQuery());
    expect(standard.status).toBe(200);
    expect(standard.data.__schema.queryType.name).toBe('Query');
    expect(await api.query(deepTypeRef(15))).toEqual({ status: 200, data: { __type: { ofType: null } } });
    const res = await api.query(deepTypeRef(16));
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([{ message: 'This query nests 16 levels deep, over the limit of 15; select fewer nested fields', extensions: { code: 'QUERY_TOO_DEEP' } }]);
  });

  it('a query admitted before, then repeated, is refused once the limit is lowered', async () => {
    const query = deepTypeRef(6);
    expect((await api.query(query)).status).toBe(200);
    expect((await api.query(query)).status).toBe(200); // the second time from memory
    process.env.TIDE_MAX_DEPTH = '5';
    const res = await api.query(query);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('counts the fields inside fragments', async () => {
    process.env.TIDE_MAX_DEPTH = '3';
    const query = 'query { series(id: "RUT") { ...S } } fragment S on Series { source { ...N } } fragment N on Source { name }';
    expect((await api.query(query)).status).toBe(200); // series > source > name = 3
    const deeper = 'query { searchSeries(first: 1) { ...C } } fragment C on SeriesConnection { nodes { source { name } } }';
    const res = await api.query(deeper);
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/nests 4 levels deep, over the limit of 3/);
  });
});

describe('complexity limit', () => {
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: series(id: "DGS2") { observations(from: "2024-07-01", to: "2024-07-05") { values } }`).join(' ')} }`;

  it('admits an operation at the limit and refuses one a field over it, before reading anything', async () => {
    process.env.TIDE_MAX_COMPLEXITY = '120'; // each alias: series 1 + observations 10 + values 1 = 12
    const at = await api.query(aliases(10));
    expect(at.status).toBe(200);
    const expected = sourceColumn('dgs2_daily_fred.csv', 'DGS2').filter(([d]) => d >= '2024-07-01' && d <= '2024-07-05');
    expect(at.data.s9.observations.values).toEqual(expected.map(([, v]) => v));
    expect(expected.length).toBe(5);
    const reads = api.store.stats.requests;
    const over = await api.query(aliases(11));
    expect(over.status).toBe(400);
    expect(over.errors).toEqual([{ message: expect.stringMatching(/^This query costs 132 units, over the limit of 120 .*split it into several requests/), extensions: { code: 'QUERY_TOO_COMPLEX' } }]);
    expect(api.store.stats.requests).toBe(reads);
  });

  it('multiplies what searchSeries selects by "first"', async () => {
    process.env.TIDE_MAX_COMPLEXITY = '1000';
    const search = (first: number) => `{ searchSeries(text: "CFTC", first: ${first}) { nodes { observations { values } } } }`;
    expect((await api.query(search(50))).status).toBe(200); // 1 + 50 × (nodes 1 + 10 + 1) = 601
    const res = await api.query(search(100)); // 1 + 100 × 12 = 1201
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/costs 1201 units/);
  });

  it('prices an expression per operand: "RUT / QQQ" costs what two series cost, before reading anything', async () => {
    process.env.TIDE_MAX_COMPLEXITY = '24';
    const one = (id: string) => `{ series(id: ${JSON.stringify(id)}) { observations(from: "2024-07-01", to: "2024-07-05") { values } } }`;
    expect((await api.query(one('RUT / QQQ'))).status).toBe(200); // 2 × (1 + 10 + 1) = 24
    const reads = api.store.stats.requests;
    const res = await api.query(one('RUT / QQQ / IWM')); // 3 × 12 = 36
    expect(res.status).toBe(400);
    expect(res.errors?.[0].message).toMatch(/costs 36 units, over the limit of 24/);
    expect(api.store.stats.requests).toBe(reads);
    process.env.TIDE_MAX_COMPLEXITY = '31';
    const indicator = (inputs: string) => `{ indicator(name: CORRELATION, inputs: ${inputs}, window: 20, from: "2024-07-31") { values } }`;
    expect((await api.query(indicator('["RUT / QQQ", "DGS2"]'))).status).toBe(200); // 20 + 10 × (3 operands - 2) + values 1 = 31
    const four = await api.query(indicator('["RUT / QQQ / IWM", "DGS2"]')); // 20 + 10 × 2 + 1 = 41
    expect(four.errors?.[0].message).toMatch(/costs 41 units, over the limit of 31/);
  });

  it('the default limit admits a full add-in batch of 200 series cells', async () => {
    const res = await api.query(aliases(200));
    expect(res.status).toBe(200);
    expect(Object.keys(res.data)).toHaveLength(200);
  });
});

describe('points per response', () => {
  it('refuses a range over the limit, saying how to narrow it, and answers the same range at a lower frequency', async () => {
    process.env.TIDE_MAX_POINTS = '100';
    const daily = await api.query('{ series(id: "RUT") { observations(from: "2022-01-01", to: "2024-06-30") { values } } }');
    expect(daily.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^RUT has \d+ points in this range, over the limit of 100; narrow from\/to or ask for a lower frequency$/),
      extensions: { code: 'RESPONSE_TOO_LARGE' },
    });
    const monthly = await api.query('{ series(id: "RUT") { observations(from: "2022-01-01", to: "2024-06-30", frequency: MONTHLY) { dates } } }');
    expect(monthly.data.series.observations.dates).toHaveLength(30);
  });
});
