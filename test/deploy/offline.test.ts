import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { freePort } from '../helpers/free-port.js';
import { startTestStore } from '../../support/local-store.js';
import { startOffline, type Offline } from '../helpers/serverless-cli.js';
import { sourceColumn } from '../helpers/source-csv.js';

// serverless offline runs the esbuild bundle of the graphql function behind an emulated HTTP API,
// reading a dynalite we start here (its endpoint passed as DYNAMODB_ENDPOINT) holding the bundled data.

let store: Awaited<ReturnType<typeof startTestStore>>;
let offline: Offline;
let key: string;
beforeAll(async () => {
  store = await startTestStore('tide-dev');
  await loadBundled(store.store, 'data');
  ({ key } = await new ApiKeyStore(store.store.table, 'tide-dev').create('offline test'));
  offline = await startOffline({ stage: 'dev', httpPort: await freePort(), lambdaPort: await freePort(), env: { DYNAMODB_ENDPOINT: store.endpoint } });
}, 120_000);
afterAll(async () => {
  await offline?.stop();
  await store?.close();
});

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(`${offline.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('serverless offline, against dynalite', () => {
  it('answers a real query sent with a key, with the values of the source file', async () => {
    const res = await post({ query: '{ series(id: "RUT") { name observations(from: "2024-07-08", to: "2024-07-12") { dates values } } }' }, { 'x-api-key': key });
    expect(res.status).toBe(200);
    const body = await res.json();
    const expected = sourceColumn('rut_daily_yahoo.csv', 'Close').filter(([d]) => d >= '2024-07-08' && d <= '2024-07-12');
    expect(body.data.series.name).toBe('Russell 2000 Index');
    expect(body.data.series.observations).toEqual({ dates: expected.map(([d]) => d), values: expected.map(([, v]) => v) });
  });

  it('answers 401 with a GraphQL-shaped error without a key', async () => {
    const res = await post({ query: '{ series(id: "RUT") { name } }' });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toEqual({ errors: [{ message: expect.stringMatching(/x-api-key/), extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(body.data).toBeUndefined();
  });

  it('enforces the complexity limit inside the bundle too', async () => {
    const fields = Array.from({ length: 600 }, (_, i) => `s${i}: series(id: "RUT") { observations { values } }`).join(' ');
    const res = await post({ query: `{ ${fields} }` }, { 'x-api-key': key });
    expect(res.status).toBe(400);
    // 600 × (series 1 + observations 10 + values 1) = 7200 units, over the default 6000.
    expect((await res.json()).errors[0]).toMatchObject({ message: expect.stringMatching(/costs 7200 units, over the limit of 6000/), extensions: { code: 'QUERY_TOO_COMPLEX' } });
  });

  it('routes /addin/ to the add-in function', async () => {
    const res = await fetch(`${offline.url}/addin/no-such-file.js`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/Not found: \/addin\/no-such-file\.js/);
  });

  it('never writes the key into its output', () => {
    expect(offline.output()).toContain('"message":"graphql request"');
    expect(offline.output()).not.toContain(key);
    expect(offline.output()).not.toContain(key.slice(5, 25));
  });
});
