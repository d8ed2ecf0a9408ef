import { createHash } from 'node:crypto';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

// GraphQL over GET against the whole local runtime: queries only, the API key still required (it is
// also what keeps CSRF prevention in force), automatic persisted queries, and Cache-Control only on
// answers that cannot change.

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const SETTLED = '{ series(id: "CPIAUCSL") { observations(from: "2024-06-01", to: "2024-06-01", asOf: "2024-08-15") { values } } }';

async function get(params: Record<string, unknown>, headers: Record<string, string | null> = {}) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const sent: Record<string, string> = { accept: 'application/graphql-response+json, application/json' };
  if (headers['x-api-key'] !== null) sent['x-api-key'] = headers['x-api-key'] ?? api.apiKey;
  for (const [k, v] of Object.entries(headers)) if (v !== null && k !== 'x-api-key') sent[k] = v;
  const res = await fetch(`${api.url}/graphql?${search}`, { headers: sent });
  return {
    status: res.status,
    cacheControl: res.headers.get('cache-control'),
    vary: res.headers.get('vary'),
    body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

describe('GET /graphql', () => {
  it('answers a query with the key, the same values as POST', async () => {
    const res = await get({ query: SETTLED });
    expect(res.status).toBe(200);
    expect(res.body.data.series.observations.values).toEqual([313.049]); // June 2024 CPI as first printed
  });

  it('refuses a GET without the key, even one carrying a preflight header, before any data is read', async () => {
    for (const extra of [{}, { 'apollo-require-preflight': 'true' }] as Record<string, string>[]) {
      const res = await get({ query: SETTLED }, { 'x-api-key': null, ...extra });
      expect(res.status).toBe(401);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.cacheControl).toBe('no-store');
    }
  });

  it('refuses a GET that is not a query', async () => {
    for (const query of ['mutation { series(id: "RUT") { id } }', 'subscription { series(id: "RUT") { id } }']) {
      const res = await get({ query });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.data).toBeUndefined();
      expect(res.body.errors?.length).toBeGreaterThan(0);
    }
  });

  it('passes the GraphQL over HTTP audit (graphql-http) with no errors', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-api-key': api.apiKey } });
    const results = await auditServer({ url: `${api.url}/graphql`, fetchFn });
    const failed = results.flatMap((r) => (r.status === 'error' ? [`${r.id} ${r.name}: ${r.reason}`] : []));
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.status === 'ok').length).toBeGreaterThanOrEqual(55);
  });
});

describe('automatic persisted queries', () => {
  it('a hash the server has not seen asks for the query; once sent, the hash alone answers over GET', async () => {
    const query = '{ series(id: "GDPC1") { observations(from: "2024-04-01", to: "2024-04-01", asOf: "2024-10-01") { values } } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const unknown = await get({ extensions: { persistedQuery } });
    expect(unknown.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(unknown.cacheControl).toBe('no-store');
    const registered = await get({ query, extensions: { persistedQuery } });
    expect(registered.status).toBe(200);
    expect(registered.body.errors).toBeUndefined();
    const byHash = await get({ extensions: { persistedQuery } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data).toEqual(registered.body.data);
    expect(byHash.cacheControl).toMatch(/immutable/);
  });

  it('refuses a hash that does not match the query sent with it', async () => {
    const res = await get({ query: SETTLED, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
  });
});

describe('Cache-Control', () => {
  it('marks an answer immutable only when every field reads data as of a settled date', async () => {
    const settled = await get({ query: SETTLED });
    expect(settled.cacheControl).toBe('public, max-age=31536000, immutable');
    expect(settled.vary).toMatch(/x-api-key/i);
    const indicator = await get({ query: '{ indicator(name: CHANGE, inputs: ["RUT"], from: "2024-07-09", to: "2024-07-16", asOf: "2024-08-01") { values } }' });
    expect(indicator.cacheControl).toMatch(/immutable/);

    const today = new Date().toISOString().slice(0, 10);
    const changeable = {
      'no asOf (the latest values)': '{ series(id: "CPIAUCSL") { observations(from: "2024-06-01", to: "2024-06-01") { values } } }',
      'asOf today': `{ series(id: "CPIAUCSL") { observations(from: "2024-06-01", to: "2024-06-01", asOf: "${today}") { values } } }`,
      'settled data beside metadata': '{ series(id: "CPIAUCSL") { lastDate observations(from: "2024-06-01", to: "2024-06-01", asOf: "2024-08-15") { values } } }',
      'settled data beside a latest read': `{ a: series(id: "CPIAUCSL") { observations(asOf: "2024-08-15", from: "2024-06-01") { values } } b: series(id: "RUT") { latest { value } } }`,
      'the catalog': '{ searchSeries(text: "cpi") { totalCount } }',
      'a series not stored (yet)': '{ series(id: "NOPE") { observations(asOf: "2024-08-15") { values } } }',
      'an error': '{ series(id: "CPIAUCSL") { observations(from: "2024-07-01", to: "2024-06-01", asOf: "2024-08-15") { values } } }',
      'the FOMC calendar shipped with the code': '{ fomcMeetings(from: "2024-01-01", to: "2024-12-31") }',
    };
    for (const [why, query] of Object.entries(changeable)) {
      const res = await get({ query });
      expect({ why, cacheControl: res.cacheControl }).toEqual({ why, cacheControl: 'no-store' });
    }
  });

  it('POST answers follow the same rule', async () => {
    const post = async (query: string) =>
      (await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': api.apiKey }, body: JSON.stringify({ query }) })).headers.get('cache-control');
    expect(await post(SETTLED)).toMatch(/immutable/);
    expect(await post('{ series(id: "RUT") { name } }')).toBe('no-store');
  });
});
