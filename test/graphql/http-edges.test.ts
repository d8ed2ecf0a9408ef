import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../api/observability/logger.js';
import { captureOutput } from '../helpers/capture-logs.js';
import { startApi } from '../helpers/local-api.js';

// The HTTP surface at its edges, against the whole local runtime over real HTTP: what a CDN may keep
// (nothing that includes the schema or an error), Node's own refusals in Tide's JSON, the document
// gate reading bodies by Apollo's rule and logging what it refuses, and persisted queries per key.

let api: Awaited<ReturnType<typeof startApi>>;
let otherKey: string;
beforeAll(async () => {
  api = await startApi();
  otherKey = (await api.keys.create('second caller')).key;
});
afterAll(() => api.close());

const SETTLED = '{ series(id: "CPIAUCSL") { observations(from: "2024-06-01", to: "2024-06-01", asOf: "2024-08-15") { values } } }';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function get(params: Record<string, unknown>, key = api.apiKey) {
  const search = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const res = await fetch(`${api.url}/graphql?${search}`, { headers: { 'x-api-key': key, accept: 'application/json' } });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}
async function post(body: string, contentType = 'application/json', key = api.apiKey) {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': contentType, 'x-api-key': key }, body });
  return { status: res.status, cacheControl: res.headers.get('cache-control'), body: (await res.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

describe('Cache-Control at the edges', () => {
  it('is no-store for any answer that includes the schema, beside a settled field, in the operation or a fragment', async () => {
    expect((await get({ query: SETTLED })).cacheControl).toMatch(/immutable/);
    for (const query of [
      `{ __schema { queryType { name } } ${SETTLED.slice(1, -1)} }`,
      `{ __type(name: "Series") { name } ${SETTLED.slice(1, -1)} }`,
      `{ ...f ${SETTLED.slice(1, -1)} } fragment f on Query { __schema { types { name } } }`,
    ]) {
      const res = await get({ query });
      expect(res.status, query).toBe(200);
      expect(res.body.data.series.observations.values).toEqual([313.049]);
      expect(res.cacheControl, query).toBe('no-store');
    }
  });

  it("is no-store on Apollo's own early 400s (variables that are not an object) and on the gate's refusals", async () => {
    const badVariables = await get({ query: 'query Q($id: String!) { series(id: $id) { id } }', variables: '[1]' });
    expect(badVariables.status).toBe(400);
    expect(badVariables.cacheControl).toBe('no-store');
    const tooManyFields = await post(JSON.stringify({ query: `{ ${'__typename '.repeat(20_000)} }` }));
    expect(tooManyFields.body.errors?.[0].extensions?.code).toBe('TOO_MANY_FIELDS');
    expect(tooManyFields.cacheControl).toBe('no-store');
    const notJson = await post('{"query": ', 'application/json');
    expect([notJson.status, notJson.body.errors?.[0].extensions?.code, notJson.cacheControl]).toEqual([400, 'BAD_REQUEST', 'no-store']);
  });

  it("answers a URL over Node's 16 KB limit with Tide's JSON error (431), not a bare status line", async () => {
    const url = new URL(`${api.url}/graphql?query=${encodeURIComponent(`{ ${'__typename '.repeat(2_000)} }`)}`);
    const answer = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
      const req = request(url, { headers: { 'x-api-key': api.apiKey } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const error = JSON.parse(answer.body).errors[0];
    expect(error.extensions.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/over 16 KB.*POST/);
    expect((await api.query('{ __typename }')).data).toEqual({ __typename: 'Query' }); // and the server answers the next
  });
});

describe('the document gate', () => {
  it('reads a body by the content-type rule Apollo uses: application/jsonx is JSON to both, so too deep a document is refused first', async () => {
    expect((await post(JSON.stringify({ query: SETTLED }), 'application/jsonx')).status).toBe(200); // a plain query goes through
    const nested = `{ __schema { types { fields { type ${'{ ofType '.repeat(30)}{ name }${' }'.repeat(30)} } } } }`;
    const deep = await post(JSON.stringify({ query: nested }), 'application/jsonx');
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
    const broken = await post('{"query": "{', 'application/jsonx; charset=utf-8');
    expect([broken.status, broken.body.errors?.[0].extensions?.code]).toEqual([400, 'BAD_REQUEST']);
  });

  it('logs each refusal as one request line, with its status, code and key id, and no query text', async () => {
    logger.setLogLevel('INFO');
    const out = captureOutput();
    try {
      await post('{"query": ', 'application/json');
    } finally {
      out.stop();
      logger.setLogLevel('WARN');
    }
    const lines = out
      .lines()
      .filter((l) => l.includes('"refusedBy"'))
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ message: 'graphql request', status: 400, errorCodes: ['BAD_REQUEST'], refusedBy: 'document gate' });
    expect(typeof lines[0].keyId).toBe('string');
    expect(JSON.stringify(lines[0])).not.toContain('"query"');
  });
});

describe('persisted queries, per key', () => {
  const query = '{ series(id: "GDPC1") { observations(from: "2024-04-01", to: "2024-04-01", asOf: "2024-10-01") { values } } }';
  const persistedQuery = { version: 1, sha256Hash: sha(query) };

  it('are registered and looked up per key: another key cannot tell that one key ran an exact query', async () => {
    expect((await get({ query, extensions: { persistedQuery } })).status).toBe(200);
    expect((await get({ extensions: { persistedQuery } })).body.data.series.observations.values).toEqual([23223.906]);
    const other = await get({ extensions: { persistedQuery } }, otherKey);
    expect(other.body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(other.cacheControl).toBe('no-store');
  });

  it("cannot be evicted by another key's registrations, however large", async () => {
    const mine = '{ series(id: "DGS2") { id } }';
    await get({ query: mine, extensions: { persistedQuery: { version: 1, sha256Hash: sha(mine) } } });
    for (let i = 0; i < 40; i++) {
      const big = `{ __typename }\n# ${String(i).padStart(3, '0')} ${'x'.repeat(20_000)}`;
      const res = await post(JSON.stringify({ query: big, extensions: { persistedQuery: { version: 1, sha256Hash: sha(big) } } }), 'application/json', otherKey);
      expect(res.status).toBe(200);
    }
    const still = await get({ extensions: { persistedQuery: { version: 1, sha256Hash: sha(mine) } } });
    expect(still.body.data).toEqual({ series: { id: 'DGS2' } });
  });

  it("answers a hash that is not the query's with PERSISTED_QUERY_HASH_MISMATCH (400), and registers nothing", async () => {
    const wrong = { version: 1, sha256Hash: sha('something else') };
    const res = await get({ query: SETTLED, extensions: { persistedQuery: wrong } });
    expect([res.status, res.body.errors?.[0].extensions?.code, res.cacheControl]).toEqual([400, 'PERSISTED_QUERY_HASH_MISMATCH', 'no-store']);
    expect(res.body.errors?.[0].message).toContain(sha(SETTLED));
    expect((await get({ extensions: { persistedQuery: wrong } })).body.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });
});
