import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../api/auth/api-key.js';
import { startLocalServer } from '../../api/local/server.js';
import { logger } from '../../api/observability/logger.js';
import { captureOutput } from '../helpers/capture-logs.js';
import { startApi } from '../helpers/local-api.js';

// The local runtime serves the same Lambda handler as AWS, so these requests go through the same
// key check as deployed ones: real HTTP on loopback, keys in a real dynalite table.

const KEY_CACHE_MS = 300;
const logs = captureOutput();
logger.setLogLevel('INFO'); // this file reads the request log lines
let api: Awaited<ReturnType<typeof startApi>>;
const secrets: string[] = [];
beforeAll(async () => {
  api = await startApi({ keyCacheMs: KEY_CACHE_MS });
  secrets.push(api.apiKey);
});
afterAll(async () => {
  logs.stop();
  await api.close();
});

const RUT = 'query Closes { series(id: "RUT") { observations(from: "2024-07-08", to: "2024-07-08") { values } } }';
const expectUnauthenticated = (res: { status: number; errors?: { message: string; extensions?: { code?: string } }[]; data?: unknown }, says: RegExp) => {
  expect(res.status).toBe(401);
  expect(res.data).toBeUndefined();
  expect(res.errors).toEqual([{ message: expect.stringMatching(says), extensions: { code: 'UNAUTHENTICATED' } }]);
};

describe('API keys', () => {
  it('a request with the development key gets data', async () => {
    const res = await api.query(RUT, undefined, { operationName: 'Closes' });
    expect(res.status).toBe(200);
    expect(res.data.series.observations.values).toEqual([2038.6700439453125]);
  });

  it('a request without a key gets 401 saying which header to send', async () => {
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: null }), /x-api-key header/);
  });

  it('a wrong key, an empty one, or the key in the query string gets 401', async () => {
    const wrong = generateApiKey();
    secrets.push(wrong);
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: wrong }), /does not match any key/);
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: '' }), /needs an API key/);
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: api.apiKey.slice(0, -1) }), /does not match/);
    const res = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ series(id: "RUT") { id } }')}&x-api-key=${api.apiKey}`, { headers: { 'apollo-require-preflight': '1' } });
    expect(res.status).toBe(401);
  });

  it('a revoked key gets 401 saying so', async () => {
    const { key, record } = await api.keys.create('to revoke');
    secrets.push(key);
    await api.keys.revoke(record.keyId);
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: key }), /revoked/);
  });

  it('a revocation takes effect once the container has forgotten the key (cache time), not before', async () => {
    const { key, record } = await api.keys.create('cached');
    secrets.push(key);
    expect((await api.query(RUT, undefined, { apiKey: key })).status).toBe(200);
    await api.keys.revoke(record.keyId);
    expect((await api.query(RUT, undefined, { apiKey: key })).status).toBe(200);
    await new Promise((r) => setTimeout(r, KEY_CACHE_MS + 50));
    expectUnauthenticated(await api.query(RUT, undefined, { apiKey: key }), /revoked/);
  });

  it('stores only the SHA-256 of a key, with id, name, created and revoked', async () => {
    const { key, record } = await api.keys.create('stored');
    secrets.push(key);
    const hash = createHash('sha256').update(key).digest('hex');
    const { Item } = await api.store.table.get({ TableName: api.store.tableName, Key: { pk: `APIKEY#${hash}`, sk: 'APIKEY' } });
    expect(Item).toEqual({ pk: `APIKEY#${hash}`, sk: 'APIKEY', hash, keyId: record.keyId, name: 'stored', created: record.created, gsi1pk: 'APIKEYS', gsi1sk: record.keyId });
    expect(JSON.stringify(Item)).not.toContain(key.slice(5));
    expect(key).toMatch(/^tide_[A-Za-z0-9_-]{43}$/); // 32 random bytes
    const listed = await api.keys.list();
    expect(listed.map((k) => k.name)).toEqual(expect.arrayContaining(['development', 'stored', 'to revoke']));
  });

  it('refuses a hand-set development key that is too short', async () => {
    await expect(startLocalServer({ apiKey: 'letmein' })).rejects.toThrow(/TIDE_API_KEY cannot be used: an API key must be at least 24 characters \(got 7\)/);
  });

  it('logs one JSON line per request with request id, operation name, duration and key id, and never a key or query text', () => {
    const lines = logs.lines();
    const requests = lines.filter((l) => l.includes('"graphql request"')).map((l) => JSON.parse(l));
    const closes = requests.find((r) => r.operationName === 'Closes');
    expect(closes).toMatchObject({ level: 'INFO', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), keyId: expect.stringMatching(/^[0-9a-f]{12}$/), status: 200 });
    expect(closes.durationMs).toBeGreaterThan(0);
    const refused = lines.filter((l) => l.includes('"request refused"')).map((l) => JSON.parse(l));
    expect(refused.map((r) => r.reason)).toEqual(expect.arrayContaining(['missing', 'unknown', 'revoked']));
    expect(secrets.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      for (const secret of secrets) {
        expect(line).not.toContain(secret.slice(5)); // the random part, alone or within the key
        expect(line).not.toContain(createHash('sha256').update(secret).digest('hex'));
      }
      expect(line).not.toContain('2024-07-08'); // query text and variables stay out of the log
    }
  });
});
