import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { readBundled } from '../../api/dataset/read-bundled.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createHttpServer } from '../../api/local/http-server.js';
import { createDocumentClient } from '../../api/store/client.js';
import { SeriesStore } from '../../api/store/series-store.js';
import type { Table } from '../../api/store/table.js';
import { retryErrorType, RETRY_AFTER_SECONDS, transientFault } from '../../api/store/transient-faults.js';
import { createTable, sdkTable } from '../../api/store/sdk-table.js';
import { startFaultProxy, type Fault } from '../helpers/fault-proxy.js';
import { writeSeries } from '../helpers/write-series.js';

// One classification of transient store faults (api/store/transient-faults.ts), held to three
// readers at once: Tide's wire client retries exactly these, the AWS SDK's document client retries
// exactly these (it reads the same @smithy/core/retry functions), and the GraphQL layer answers
// exactly these SERVICE_UNAVAILABLE, with Retry-After (and 503 when nothing else is in the answer).
// Faults go over the wire between a real client and dynalite (test/helpers/fault-proxy.ts), with
// DynamoDB's error bodies; the network errors a socket gives are made by real sockets where a
// loopback socket can make them, and otherwise built as Node builds them (name Error, a `code`).

const TABLE = 'tide-transient';
const ATTEMPTS = 2; // one retry: enough to see a retry happen, and short under throttling's 1 s backoff base

/** Faults DynamoDB (or the network in front of it) produces, with how the SDK's classification reads each. */
const WIRE_FAULTS: { name: string; fault: Fault; expected: 'THROTTLING' | 'TRANSIENT' | undefined }[] = [
  { name: '400 ProvisionedThroughputExceededException', fault: { kind: 'throttle' }, expected: 'THROTTLING' },
  { name: '400 ThrottlingException', fault: { kind: 'status', status: 400, type: 'ThrottlingException' }, expected: 'THROTTLING' },
  { name: '400 RequestLimitExceeded', fault: { kind: 'status', status: 400, type: 'RequestLimitExceeded' }, expected: 'THROTTLING' },
  { name: 'HTTP 429 with an unknown name', fault: { kind: 'status', status: 429, type: 'SomethingNewException' }, expected: 'THROTTLING' },
  { name: '500 InternalServerError', fault: { kind: 'server-error' }, expected: 'TRANSIENT' },
  { name: '503 with no body (a load balancer)', fault: { kind: 'status', status: 503 }, expected: 'TRANSIENT' },
  { name: '502 with no body', fault: { kind: 'status', status: 502 }, expected: 'TRANSIENT' },
  { name: 'connection reset (ECONNRESET)', fault: { kind: 'reset' }, expected: 'TRANSIENT' },
  { name: '400 ValidationException', fault: { kind: 'status', status: 400, type: 'ValidationException' }, expected: undefined },
  { name: '400 ResourceNotFoundException', fault: { kind: 'status', status: 400, type: 'ResourceNotFoundException' }, expected: undefined },
  { name: '501 with no body (a server error the SDK does not retry)', fault: { kind: 'status', status: 501 }, expected: undefined },
];

let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, TABLE);
  proxy = await startFaultProxy(dynamo.endpoint);
});
afterAll(async () => {
  await proxy.close();
  await dynamo.close();
});

/** Attempts one client made at a GetItem that meets `fault` every time, and what it threw. */
async function attemptsAt(table: Table, fault: Fault): Promise<{ attempts: number; error: unknown }> {
  proxy.clear();
  proxy.inject('GetItem', fault, Infinity);
  const before = proxy.injected.GetItem ?? 0;
  const error = await table.get({ TableName: TABLE, Key: { pk: 'S#NONE', sk: 'META' } }).then(
    () => undefined,
    (e: unknown) => e,
  );
  proxy.clear();
  table.destroy();
  return { attempts: (proxy.injected.GetItem ?? 0) - before, error };
}

describe('the store clients retry exactly the faults the classification calls transient', () => {
  for (const { name, fault, expected } of WIRE_FAULTS) {
    it(`${name}: ${expected ?? 'not transient'}`, { timeout: 20_000 }, async () => {
      // A fresh client each time: the retry budget is per client, and must not run out across cases.
      const wire = await attemptsAt(createTable({ endpoint: proxy.endpoint, maxAttempts: ATTEMPTS, requestTimeoutMs: 2_000 }), fault);
      const sdk = await attemptsAt(sdkTable(createDocumentClient({ endpoint: proxy.endpoint, maxAttempts: ATTEMPTS })), fault);
      expect(wire.error).toBeInstanceOf(Error);
      expect(sdk.error).toBeInstanceOf(Error);
      expect(transientFault(wire.error)).toBe(expected);
      expect(transientFault(sdk.error)).toBe(expected);
      expect(wire.attempts).toBe(expected ? ATTEMPTS : 1);
      expect(sdk.attempts).toBe(expected ? ATTEMPTS : 1);
    });
  }

  it('a request that hangs past the timeout (TimeoutError) is retried', { timeout: 20_000 }, async () => {
    const wire = await attemptsAt(createTable({ endpoint: proxy.endpoint, maxAttempts: ATTEMPTS, requestTimeoutMs: 200 }), { kind: 'hang', ms: 1_500 });
    expect((wire.error as Error).name).toBe('TimeoutError');
    expect(transientFault(wire.error)).toBe('TRANSIENT');
    expect(wire.attempts).toBe(ATTEMPTS);
  });

  it('a refused connection (ECONNREFUSED, a real closed port) is retried', { timeout: 20_000 }, async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const table = createTable({ endpoint: `http://127.0.0.1:${port}`, maxAttempts: ATTEMPTS });
    const error = await table.get({ TableName: TABLE, Key: { pk: 'S#NONE', sk: 'META' } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    table.destroy();
    expect((error as { code?: string }).code).toBe('ECONNREFUSED');
    expect(transientFault(error)).toBe('TRANSIENT');
  });
});

describe('the classification, fault by fault', () => {
  const named = (name: string, status = 400) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });
  const nodeError = (code: string, syscall: string) => Object.assign(new Error(`${syscall} ${code}`), { code, errno: -1, syscall });

  it('throttling: every name the SDK retries as throttling, and HTTP 429 whatever its name', () => {
    // The names in @smithy/core's service-error-classification constants (THROTTLING_ERROR_CODES).
    for (const name of [
      'BandwidthLimitExceeded',
      'EC2ThrottledException',
      'LimitExceededException',
      'PriorRequestNotComplete',
      'ProvisionedThroughputExceededException',
      'RequestLimitExceeded',
      'RequestThrottled',
      'RequestThrottledException',
      'SlowDown',
      'ThrottledException',
      'Throttling',
      'ThrottlingException',
      'TooManyRequestsException',
      'TransactionInProgressException',
    ]) {
      expect(transientFault(named(name)), name).toBe('THROTTLING');
    }
    expect(transientFault(named('Whatever', 429))).toBe('THROTTLING');
    expect(transientFault(Object.assign(new Error('x'), { $retryable: { throttling: true } }))).toBe('THROTTLING');
  });

  it('transient: 500/502/503/504, timeouts, and Node network errors by code (also as a cause)', () => {
    for (const status of [500, 502, 503, 504]) expect(transientFault(named('InternalServerError', status)), String(status)).toBe('TRANSIENT');
    for (const name of ['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']) expect(transientFault(named(name)), name).toBe('TRANSIENT');
    for (const [code, syscall] of [
      ['ECONNRESET', 'read'],
      ['ECONNREFUSED', 'connect'],
      ['EPIPE', 'write'],
      ['ETIMEDOUT', 'connect'],
      ['EHOSTUNREACH', 'connect'],
      ['ENETUNREACH', 'connect'],
      ['ENOTFOUND', 'getaddrinfo'],
      ['EAI_AGAIN', 'getaddrinfo'],
    ]) {
      expect(transientFault(nodeError(code, syscall)), code).toBe('TRANSIENT');
      expect(transientFault(new Error('store read failed', { cause: nodeError(code, syscall) })), `${code} as a cause`).toBe('TRANSIENT');
    }
    expect(transientFault(Object.assign(new Error('x'), { $retryable: {} }))).toBe('TRANSIENT');
  });

  it('not transient: client errors, a non-retried 5xx, an abort, and anything that is not an error', () => {
    for (const name of ['ValidationException', 'ConditionalCheckFailedException', 'ResourceNotFoundException', 'AccessDeniedException', 'ItemCollectionSizeLimitExceededException']) {
      expect(transientFault(named(name)), name).toBeUndefined();
    }
    expect(retryErrorType(named('NotImplemented', 501))).toBe('SERVER_ERROR');
    expect(transientFault(named('NotImplemented', 501))).toBeUndefined();
    expect(transientFault(Object.assign(new Error('aborted'), { name: 'AbortError', code: 'ECONNRESET' }))).toBeUndefined();
    expect(transientFault(new TypeError('x is not a function'))).toBeUndefined();
    for (const v of [undefined, null, 'ECONNRESET', 429, {}]) expect(transientFault(v), String(v)).toBeUndefined();
  });
});

describe('the GraphQL layer answers these faults SERVICE_UNAVAILABLE with Retry-After', () => {
  let url: string;
  let apiKey: string;
  let http: ReturnType<typeof createHttpServer>;
  let keys: ApiKeyStore;

  beforeAll(async () => {
    const store = new SeriesStore({ table: createTable({ endpoint: proxy.endpoint, maxAttempts: ATTEMPTS, requestTimeoutMs: 2_000 }), tableName: TABLE });
    const [dgs2] = (await readBundled('data')).filter((s) => s.meta.id === 'DGS2');
    await writeSeries(store, dgs2.meta, dgs2.revisions);
    keys = new ApiKeyStore(store.table, TABLE);
    ({ key: apiKey } = await keys.create('transient fault test'));
    http = createHttpServer(createGraphqlHandler(store, { cache: false }), { root: '.', ide: false });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });

  /** POST over a fresh connection (a reset fault must not meet a kept-alive socket of an earlier test). */
  const ask = (query: string, key = apiKey) =>
    new Promise<{ status: number; retryAfter?: string; body: { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] } }>((resolve, reject) => {
      const body = JSON.stringify({ query });
      const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'x-api-key': key, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  const SERIES = '{ series(id: "DGS2") { observations(from: "2024-07-01", to: "2024-07-31") { values } } }';

  for (const { name, fault, expected } of WIRE_FAULTS) {
    it(`${name}: ${expected ? 'SERVICE_UNAVAILABLE, 503, Retry-After' : 'INTERNAL_SERVER_ERROR, no Retry-After'}`, { timeout: 20_000 }, async () => {
      expect((await ask(SERIES)).status).toBe(200); // and the key is now in the verifier's cache
      proxy.inject('*', fault, Infinity);
      const res = await ask(SERIES).finally(() => proxy.clear());
      expect(res.body.errors?.[0].extensions.code).toBe(expected ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR');
      expect(res.status).toBe(expected ? 503 : 200);
      expect(res.retryAfter).toBe(expected ? String(RETRY_AFTER_SECONDS[expected]) : undefined);
      expect((await ask(SERIES)).body.errors).toBeUndefined(); // recovered once the fault passed
    });
  }

  it('a partial answer keeps its values and its 200, and still carries Retry-After', { timeout: 20_000 }, async () => {
    // Metadata is a GetItem, observations a Query: throttle every Query, so one field fails and the other answers.
    proxy.inject('Query', { kind: 'throttle' }, Infinity);
    const res = await ask('{ a: series(id: "DGS2") { id } b: series(id: "DGS2") { observations(from: "2024-07-01", to: "2024-07-31") { values } } }').finally(() => proxy.clear());
    expect(res.body.errors?.map((e) => e.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(res.body.data?.a).toEqual({ id: 'DGS2' });
    expect(res.status).toBe(200);
    expect(res.retryAfter).toBe(String(RETRY_AFTER_SECONDS.THROTTLING));
  });

  it('the API key check: a transient fault is 503 with Retry-After, any other fault 500', { timeout: 20_000 }, async () => {
    for (const { fault, expected } of [WIRE_FAULTS[0], WIRE_FAULTS[4], WIRE_FAULTS[8]]) {
      const { key } = await keys.create('not yet in the cache'); // a key the verifier has never looked up
      proxy.inject('*', fault, Infinity);
      const res = await ask(SERIES, key).finally(() => proxy.clear());
      expect(res.status).toBe(expected ? 503 : 500);
      expect(res.body.errors?.[0].extensions.code).toBe(expected ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR');
      expect(res.retryAfter).toBe(expected ? String(RETRY_AFTER_SECONDS[expected]) : undefined);
    }
  });
});
