// How the add-in's requests travel, over real HTTP on loopback: to the real local server through a
// shared HTTP cache standing in for the CDN (undici's RFC 9111 cache), and to a small server that
// answers "busy" with Retry-After.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchingClient } from '../../addin/src/client/batching-client.js';
import { canonicalJson } from '../../addin/src/client/canonical-json.js';
import { fieldCall } from '../../addin/src/client/operation.js';
import { buildBatchQuery } from '../../addin/src/client/query.js';
import { MAX_RETRY_AFTER_MS, retryAfterMs } from '../../addin/src/client/retry-after.js';
import { persistedQueryUrl, sendGraphQL, sha256Hex } from '../../addin/src/client/transport.js';
import { SeriesObservations, SeriesInfo } from '../../addin/src/generated/operations.js';
import { startCachingProxy, type CachingProxy } from '../helpers/caching-proxy.js';
import { startApi } from '../helpers/local-api.js';
import { createHash } from 'node:crypto';

let api: Awaited<ReturnType<typeof startApi>>;
let cdn: CachingProxy;
beforeAll(async () => {
  api = await startApi();
  cdn = await startCachingProxy(api.url);
}, 60_000);
afterAll(async () => {
  await cdn?.close();
  await api?.close();
});

const SETTLED = '2024-08-15';
/** June 2024 RUT closes as published by 2024-08-15, one call per end date. */
const pinnedCells = (ends: string[]) => ends.map((to) => fieldCall(SeriesObservations, { id: 'RUT', from: '2024-06-03', to, asOf: SETTLED }));
const newClient = () => new BatchingClient({ url: `${cdn.url}/graphql`, apiKey: api.apiKey, batchDelayMs: 5 });

describe('requests whose answers cannot change', () => {
  it("go as GET with the query's hash; the first teaches the server the query (APQ miss, then POST with it); later ones are served by the cache", async () => {
    const ends = ['2024-06-07', '2024-06-14', '2024-06-21'];
    /** One analyst's recalculation of the three cells, with nothing kept from before. */
    const recalc = () => {
      const c = newClient();
      return Promise.all(pinnedCells(ends).map((call) => c.fetch(call)));
    };
    const r0 = cdn.received.length;
    const f0 = cdn.forwarded.length;
    // Computer 1: the server has never seen this batch.
    const first = await recalc();
    const one = { received: cdn.received.slice(r0), forwarded: cdn.forwarded.slice(f0) };
    expect(one.received.map((r) => r.method)).toEqual(['GET', 'POST']);
    const getUrl = new URL(one.received[0].url, cdn.url);
    expect(getUrl.searchParams.has('query')).toBe(false);
    const ext = JSON.parse(getUrl.searchParams.get('extensions')!);
    expect(ext.persistedQuery.version).toBe(1);
    expect(one.received[0].cacheControl).toBe('no-store'); // PERSISTED_QUERY_NOT_FOUND is not kept
    expect(one.forwarded.map((r) => r.method)).toEqual(['GET', 'POST']);

    // Computer 2 (a new client, nothing kept): the same URL, now known to the server, and kept by the cache.
    const r1 = cdn.received.length;
    const f1 = cdn.forwarded.length;
    const second = await recalc();
    expect(cdn.received.slice(r1).map((r) => [r.method, r.url, r.cacheControl])).toEqual([['GET', one.received[0].url, 'public, max-age=31536000, immutable']]);
    expect(cdn.forwarded.slice(f1)).toHaveLength(1);

    // Computer 3: served by the cache, the origin not asked.
    const r2 = cdn.received.length;
    const f2 = cdn.forwarded.length;
    const third = await recalc();
    expect(cdn.received.slice(r2).map((r) => [r.method, r.url])).toEqual([['GET', one.received[0].url]]);
    expect(cdn.forwarded.slice(f2)).toEqual([]);

    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect((first[2] as { observations: { dates: string[] } }).observations.dates.at(-1)).toBe('2024-06-21');
  });

  it('one client batches them in the same order whatever order the cells ask in, so the URL is the same', async () => {
    const ends = ['2024-06-04', '2024-06-05', '2024-06-06'];
    const urls: string[] = [];
    for (const order of [ends, [...ends].reverse()]) {
      const n = cdn.received.length;
      const c = newClient();
      await Promise.all(pinnedCells(order).map((call) => c.fetch(call)));
      urls.push(cdn.received.slice(n).find((r) => r.method === 'GET')!.url);
    }
    expect(urls[1]).toBe(urls[0]);
  });

  it('a request that can change (no asOf, or metadata) goes as POST, and a batch mixing both is split', async () => {
    const n = cdn.received.length;
    const c = newClient();
    await Promise.all([
      c.fetch(fieldCall(SeriesObservations, { id: 'RUT', from: '2024-06-03', to: '2024-06-07' })),
      c.fetch(fieldCall(SeriesInfo, { id: 'RUT' })),
      c.fetch(pinnedCells(['2024-06-10'])[0]),
    ]);
    const got = cdn.received.slice(n);
    // the cacheable call: GET (and, new to the server, the POST that teaches it); the others: one POST
    expect(got.filter((r) => r.method === 'GET')).toHaveLength(1);
    expect(got.map((r) => r.method)).toEqual(expect.arrayContaining(['GET', 'POST', 'POST']));
    expect(c.stats).toMatchObject({ requests: 2, cacheableRequests: 1 });
  });

  it("a batch too long for one GET URL (8,192 bytes, CloudFront's limit) becomes several GETs that fit; a call too long on its own goes as POST", async () => {
    // 120 cells, each its own range: as one request, the variables alone are far past the limit.
    const days = Array.from({ length: 120 }, (_, i) => new Date(Date.UTC(2024, 0, 2 + i)).toISOString().slice(0, 10));
    const calls = days.map((to) => fieldCall(SeriesObservations, { id: 'RUT', from: '2024-01-02', to, asOf: SETTLED }));
    const whole = buildBatchQuery(calls);
    expect(persistedQueryUrl(`${cdn.url}/graphql`, { persistedQuery: { version: 1, sha256Hash: await sha256Hex(whole.query) } }, whole.variables).length).toBeGreaterThan(8192 + 4096);
    const n = cdn.received.length;
    const c = newClient();
    const values = await Promise.all(calls.map((call) => c.fetch<{ observations: { dates: string[] } }>(call)));
    const gets = cdn.received.slice(n).filter((r) => r.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(2);
    for (const g of gets) expect(Buffer.byteLength(new URL(g.url, cdn.url).href)).toBeLessThanOrEqual(8192);
    expect(c.stats.cacheableRequests).toBe(gets.length);
    expect(values[119].observations.dates.at(-1)! <= days[119]).toBe(true);
    expect(values[119].observations.dates.length).toBeGreaterThan(70);
    // Below the length of one call's URL, that call goes as POST.
    const m = cdn.received.length;
    await new BatchingClient({ url: `${cdn.url}/graphql`, apiKey: api.apiKey, maxGetUrlBytes: 100 }).fetch(pinnedCells(['2024-06-11'])[0]);
    expect(cdn.received.slice(m).map((r) => r.method)).toEqual(['POST']);
  });

  it("carry the x-api-key header: without it the GET is refused, and the cache never gives one key's answer to a request without it", async () => {
    const body = buildBatchQuery(pinnedCells(['2024-06-07', '2024-06-14', '2024-06-21']));
    const url = persistedQueryUrl(`${cdn.url}/graphql`, { persistedQuery: { version: 1, sha256Hash: await sha256Hex(body.query) } }, body.variables);
    const keyless = await fetch(url);
    expect(keyless.status).toBe(401);
    const withKey = await sendGraphQL({ url: `${cdn.url}/graphql`, apiKey: api.apiKey, timeoutMs: 5000 }, body, { cacheable: true });
    expect(withKey.data).toBeTruthy();
  });

  it("the hash is the SHA-256 of the query text, as Apollo's APQ computes it", async () => {
    const q = 'query TideBatch { __typename }';
    expect(await sha256Hex(q)).toBe(createHash('sha256').update(q).digest('hex'));
  });

  it('the URL is the same for the same variables in any key order', () => {
    const a = persistedQueryUrl('https://h/graphql', { persistedQuery: { version: 1, sha256Hash: 'x' } }, { f0_id: 'RUT', f0_to: '2024-06-07', f1: { b: 1, a: [{ d: 1, c: 2 }] } });
    const b = persistedQueryUrl('https://h/graphql', { persistedQuery: { sha256Hash: 'x', version: 1 } }, { f1: { a: [{ c: 2, d: 1 }], b: 1 }, f0_to: '2024-06-07', f0_id: 'RUT' });
    expect(b).toBe(a);
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
  });
});

describe('Retry-After', () => {
  const NOW = Date.parse('2026-03-02T10:00:00Z');
  it('reads seconds and the three HTTP-date forms, bounded at 30 s; anything else is ignored', () => {
    expect(retryAfterMs('2', NOW)).toBe(2000);
    expect(retryAfterMs(' 0 ', NOW)).toBe(0);
    expect(retryAfterMs('120', NOW)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('Mon, 02 Mar 2026 10:00:05 GMT', NOW)).toBe(5000);
    expect(retryAfterMs('Monday, 02-Mar-26 10:00:07 GMT', NOW)).toBe(7000);
    expect(retryAfterMs('Mon Mar  2 10:00:09 2026', NOW)).toBe(9000);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:59:00 GMT', NOW)).toBe(0); // already past
    expect(retryAfterMs('Tue, 03 Mar 2026 10:00:00 GMT', NOW)).toBe(MAX_RETRY_AFTER_MS);
    for (const bad of [null, '', '-1', '1.5', '2026-03-02T10:00:05Z', 'soon', 'Mon, 02 Mar 2026 10:00:05 PST']) expect(retryAfterMs(bad, NOW), String(bad)).toBeUndefined();
  });

  let busy: Server;
  let busyUrl: string;
  const arrivals: number[] = [];
  const methods: string[] = [];
  let plan: { status: number; retryAfter?: string; body: string }[] = [];
  beforeAll(async () => {
    busy = createServer((req, res) => {
      req.resume();
      arrivals.push(Date.now());
      methods.push(req.method ?? '');
      const step = plan.shift() ?? { status: 200, body: JSON.stringify({ data: { f0: { id: 'RUT' } } }) };
      res.writeHead(step.status, { 'content-type': 'application/json', ...(step.retryAfter ? { 'retry-after': step.retryAfter } : {}) }).end(step.body);
    });
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    busyUrl = `http://127.0.0.1:${(busy.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => busy.close(() => r())));

  const ask = (retryDelayMs = 10) => new BatchingClient({ url: busyUrl, retryDelayMs, cacheableGet: false }).fetch(fieldCall(SeriesInfo, { id: 'RUT' }));

  it("on 429 waits as long as Retry-After says before asking again, not the client's own short pause", async () => {
    arrivals.length = 0;
    plan = [{ status: 429, retryAfter: '1', body: '{"message":"Too Many Requests"}' }]; // API Gateway's throttle answer
    expect(await ask()).toEqual({ id: 'RUT' });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(950);
  });

  it('on 503 with an HTTP-date, waits until then; the whole batch waits together rather than being split', async () => {
    arrivals.length = 0;
    const at = new Date(Date.now() + 2000);
    at.setMilliseconds(0);
    plan = [{ status: 503, retryAfter: at.toUTCString(), body: JSON.stringify({ errors: [{ message: 'busy', extensions: { code: 'SERVICE_OVERLOADED' } }] }) }];
    expect(await ask()).toEqual({ id: 'RUT' });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]).toBeGreaterThanOrEqual(at.getTime() - 50);
  });

  it('a partial answer (200) with Retry-After: the busy field waits that long, the rest is answered at once', async () => {
    arrivals.length = 0;
    // As the server answers when one field met a throttled store past its retries (test/reliability/transient-faults.test.ts).
    plan = [{ status: 200, retryAfter: '1', body: JSON.stringify({ data: { f0: null }, errors: [{ message: 'busy', path: ['f0'], extensions: { code: 'SERVICE_UNAVAILABLE' } }] }) }];
    expect(await ask()).toEqual({ id: 'RUT' });
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1] - arrivals[0]).toBeGreaterThanOrEqual(950);
  });

  it("a GET the server refuses as such (an older server: 405, or its CSRF prevention's BAD_REQUEST) is sent again as POST, and answered", async () => {
    const pinned = fieldCall(SeriesObservations, { id: 'RUT', from: '2024-06-03', to: '2024-06-07', asOf: SETTLED });
    const refusals = [
      { status: 405, body: 'Method Not Allowed' },
      { status: 400, body: JSON.stringify({ errors: [{ message: 'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF).', extensions: { code: 'BAD_REQUEST' } }] }) },
    ];
    for (const refusal of refusals) {
      methods.length = 0;
      plan = [refusal];
      expect(await new BatchingClient({ url: busyUrl }).fetch(pinned)).toEqual({ id: 'RUT' });
      expect(methods).toEqual(['GET', 'POST']);
    }
  });

  it("without Retry-After, retries after its own pause, and gives up after maxRetries with the server's advice", async () => {
    arrivals.length = 0;
    const busyAnswer = { status: 503, body: 'Service Unavailable' };
    plan = [busyAnswer, busyAnswer, busyAnswer];
    const e = await ask(20).then(
      () => undefined,
      (err: Error) => err,
    );
    expect(e?.message).toMatch(/busy/);
    expect(arrivals).toHaveLength(3); // the first, and maxRetries (2) more
    plan = [];
  });
});
