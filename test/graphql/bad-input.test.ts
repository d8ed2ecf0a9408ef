import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  process.env.TIDE_MAX_POINTS = '500';
  api = await startApi();
});
afterAll(async () => {
  delete process.env.TIDE_MAX_POINTS;
  await api.close();
});

const obs = (args: string) => `{ series(id: "RUT") { observations(${args}) { dates } } }`;

// Each case: the request, the HTTP status, the error code, and words the message must contain.
const cases: { name: string; query: string; variables?: Record<string, unknown>; status: number; code: string; says: RegExp }[] = [
  { name: 'empty id', query: '{ series(id: "") { id } }', status: 200, code: 'BAD_USER_INPUT', says: /id.*empty/ },
  { name: 'month 13 literal', query: obs('from: "2024-13-01"'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /YYYY-MM-DD/ },
  {
    name: 'February 30 in a variable',
    query: 'query($d: Date) { series(id: "RUT") { observations(from: $d) { dates } } }',
    variables: { d: '2024-02-30' },
    status: 400,
    code: 'BAD_USER_INPUT',
    says: /2024-02-30.*calendar date/,
  },
  { name: 'date with a time', query: obs('to: "2024-07-01T00:00:00Z"'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /YYYY-MM-DD/ },
  { name: 'date as a number', query: obs('from: 20240701'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /YYYY-MM-DD/ },
  { name: 'year zero', query: obs('from: "0000-01-01"'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /real calendar date/ },
  { name: 'asOf in words', query: obs('asOf: "yesterday"'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /yesterday/ },
  { name: 'from after to', query: obs('from: "2024-08-01", to: "2024-07-01"'), status: 200, code: 'BAD_USER_INPUT', says: /after "to".*swap/ },
  { name: 'unknown frequency', query: obs('frequency: HOURLY'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /HOURLY/ },
  { name: 'unknown transform', query: obs('transform: SQRT'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /SQRT/ },
  { name: 'unknown aggregation', query: obs('aggregation: MEDIAN'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /MEDIAN/ },
  { name: 'enum as a string', query: obs('frequency: "WEEKLY"'), status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /Frequency/ },
  { name: 'monthly to daily', query: '{ series(id: "CPIAUCSL") { observations(frequency: DAILY) { dates } } }', status: 200, code: 'BAD_USER_INPUT', says: /MONTHLY.*lower frequency/ },
  { name: 'range over the point limit', query: obs('from: "2022-01-01", to: "2024-12-31"'), status: 200, code: 'RESPONSE_TOO_LARGE', says: /limit of 500.*narrow/ },
  { name: 'first = 0', query: '{ searchSeries(first: 0) { totalCount } }', status: 400, code: 'BAD_USER_INPUT', says: /first.*1 to 100/ },
  { name: 'first = 1000', query: '{ searchSeries(first: 1000) { totalCount } }', status: 400, code: 'BAD_USER_INPUT', says: /1000/ },
  { name: 'first as text', query: '{ searchSeries(first: "ten") { totalCount } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /Int/ },
  { name: 'forged cursor', query: '{ searchSeries(after: "not-a-cursor") { totalCount } }', status: 200, code: 'BAD_USER_INPUT', says: /endCursor/ },
  { name: 'unknown field', query: '{ series(id: "RUT") { price } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /price/ },
  { name: 'missing required id', query: '{ series { id } }', status: 400, code: 'GRAPHQL_VALIDATION_FAILED', says: /id/ },
  { name: 'null for ID!', query: 'query($id: ID!) { series(id: $id) { id } }', variables: { id: null }, status: 400, code: 'BAD_USER_INPUT', says: /\$id/ },
  { name: 'syntax error', query: '{ series(id: "RUT" { id } }', status: 400, code: 'GRAPHQL_PARSE_FAILED', says: /Syntax Error/ },
  { name: 'a mutation', query: 'mutation { deleteSeries(id: "RUT") }', status: 400, code: 'BAD_REQUEST', says: /read-only.*not a mutation/ },
  { name: 'two operations, no name', query: 'query A { series(id: "RUT") { id } } query B { series(id: "QQQ") { id } }', status: 400, code: 'OPERATION_RESOLUTION_FAILURE', says: /operation name/ },
];

describe('bad input gets a specific error and the server stays up', () => {
  it.each(cases)('$name → $code', async ({ query, variables, status, code, says }) => {
    const res = await api.query(query, variables);
    expect(res.status).toBe(status);
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(res.errors?.[0]?.message).toMatch(says);
    const ok = await api.query('{ series(id: "QQQ") { id } }');
    expect(ok.data).toEqual({ series: { id: 'QQQ' } });
  });

  it('an unknown id is null, not an error', async () => {
    const res = await api.query('{ series(id: "NOPE") { id latest { value } } }');
    expect(res).toMatchObject({ status: 200, data: { series: null } });
    expect(res.errors).toBeUndefined();
  });

  it.each([
    ['an empty body', ''],
    ['a body that is not JSON', '{"query": "{'],
    ['a JSON body without a query', '{"variables": {}}'],
  ])('%s gets 400', async (_name, body) => {
    const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': api.apiKey }, body });
    expect(res.status).toBe(400);
    expect((await api.query('{ series(id: "QQQ") { id } }')).data).toEqual({ series: { id: 'QQQ' } });
  });
});
