// The batching client against a real HTTP GraphQL server (graphql-js executing the repository's
// schema) on 127.0.0.1, and against a socket that never answers.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchingClient } from '../../addin/src/client/batching-client.js';
import { seriesMatrix } from '../../addin/src/functions/series-functions.js';
import { pairMatrix } from '../../addin/src/functions/indicator-functions.js';
import { TideError } from '../../addin/src/shared/errors.js';
import { isoToSerial } from '../../addin/src/shared/dates.js';
import reference from './reference/rut_change_reference.json' with { type: 'json' };
import { startContractServer, type ContractServer } from './helpers/contract-server.js';
import { startSilentServer } from './helpers/silent-server.js';

let server: ContractServer;
beforeAll(async () => {
  server = await startContractServer(reference);
});
afterAll(() => server?.close());

function client(options: Partial<ConstructorParameters<typeof BatchingClient>[0]> = {}) {
  server.requests.length = 0;
  server.maxInFlight = 0;
  return new BatchingClient({ url: server.url, ...options });
}

const fetcher = (c: BatchingClient) => c.fetch.bind(c);
const julyDates = reference.dates.filter((d) => d >= '2024-07-01');

async function rejection(p: Promise<unknown>): Promise<TideError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TideError);
  return e as TideError;
}

describe('batching client', () => {
  it('sends the distinct calls of one tick as few aliased requests as the size cap allows', async () => {
    const c = client({ maxFieldsPerRequest: 10 });
    // 21 distinct cells: each ends on a different July date.
    const cells = julyDates.map((end) => seriesMatrix(fetcher(c), 'RUT', '2024-07-01', end));
    const results = await Promise.all(cells);
    expect(server.requests).toHaveLength(Math.ceil(julyDates.length / 10));
    julyDates.forEach((end, i) => {
      const n = i + 1;
      expect(results[i]).toHaveLength(n);
      expect(results[i][n - 1]).toEqual([isoToSerial(end), reference.closes[reference.dates.indexOf(end)]]);
    });
    expect(server.requests[0].body.query).toMatch(/^query TideBatch\(\$f0_id: ID!/);
  });

  it('makes identical calls once and serves repeats from the cache until it expires', async () => {
    const c = client({ cacheTtlMs: 150 });
    const same = await Promise.all(Array.from({ length: 50 }, () => seriesMatrix(fetcher(c), 'RUT', '2024-07-01', '2024-07-05')));
    expect(server.requests).toHaveLength(1);
    expect(Object.keys(server.requests[0].body.variables).filter((k) => k.endsWith('_id'))).toEqual(['f0_id']);
    expect(new Set(same.map((m) => JSON.stringify(m))).size).toBe(1);
    await seriesMatrix(fetcher(c), 'RUT', '2024-07-01', '2024-07-05');
    expect(server.requests).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    await seriesMatrix(fetcher(c), 'RUT', '2024-07-01', '2024-07-05');
    expect(server.requests).toHaveLength(2);
  });

  it('keeps at most maxConcurrentRequests requests in flight', async () => {
    const c = client({ maxFieldsPerRequest: 2, maxConcurrentRequests: 2 });
    await Promise.all(julyDates.slice(0, 12).map((end) => seriesMatrix(fetcher(c), 'RUT', '2024-06-03', end)));
    expect(server.requests).toHaveLength(6);
    expect(server.maxInFlight).toBe(2);
  });

  it('gives each cell its own error; a failing field does not take the others down', async () => {
    const c = client();
    const [good, unknownSeries, unknownInIndicator, badWindow] = await Promise.allSettled([
      seriesMatrix(fetcher(c), 'RUT', '2024-07-30'),
      seriesMatrix(fetcher(c), 'NOPE'),
      pairMatrix(fetcher(c), 'CORRELATION', 'RUT', 'NOPE', 20), // a nullable field: its error nulls it alone
      pairMatrix(fetcher(c), 'CORRELATION', 'RUT', 'RUT', 1),
    ]);
    expect(good).toEqual({
      status: 'fulfilled',
      value: [
        [isoToSerial('2024-07-30'), reference.closes.at(-2)],
        [isoToSerial('2024-07-31'), reference.closes.at(-1)],
      ],
    });
    expect(unknownSeries.status === 'rejected' && unknownSeries.reason.message).toMatch(/^Unknown series id "NOPE"/);
    expect(unknownInIndicator.status === 'rejected' && unknownInIndicator.reason).toEqual(new TideError('notFound', 'Unknown series "NOPE"'));
    expect(badWindow.status === 'rejected' && badWindow.reason.message).toBe('window: 1 is not a whole number from 2 to 2520');
    // One batch: every field that can fail is nullable, so no error nulls its siblings and nothing is asked again.
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the answers of 20 cells batched with one that fails, in one request', async () => {
    const c = client({ maxFieldsPerRequest: 50 });
    const days = julyDates.slice(0, 20);
    const settled = await Promise.allSettled([...days.map((d) => seriesMatrix(fetcher(c), 'RUT', d, d)), pairMatrix(fetcher(c), 'CORRELATION', 'RUT', 'NOPE', 5)]);
    days.forEach((d, i) => expect(settled[i]).toEqual({ status: 'fulfilled', value: [[isoToSerial(d), reference.closes[reference.dates.indexOf(d)]]] }));
    expect(settled[20]).toEqual({ status: 'rejected', reason: new TideError('notFound', 'Unknown series "NOPE"') });
    expect(server.requests).toHaveLength(1);
    expect(Object.keys(server.requests[0].body.variables).filter((k) => k.endsWith('_id') || k.endsWith('_inputs'))).toHaveLength(21);
  });

  it('settles every cell when several fields fail in one batch', async () => {
    const c = client();
    const calls = [...['A', 'B', 'C'].map((bad) => pairMatrix(fetcher(c), 'CORRELATION', 'RUT', bad, 5)), ...julyDates.slice(0, 3).map((end) => seriesMatrix(fetcher(c), 'RUT', end, end))];
    const settled = await Promise.allSettled(calls);
    expect(settled.slice(0, 3).map((r) => r.status === 'rejected' && r.reason.message)).toEqual(['Unknown series "A"', 'Unknown series "B"', 'Unknown series "C"']);
    expect(settled.slice(3).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it('asks again, after a pause, for fields the server says are momentarily unavailable', async () => {
    const c = client({ retryDelayMs: 50, maxRetries: 2 });
    server.flakyFailures = 2;
    const [flaky, steady] = await Promise.all([seriesMatrix(fetcher(c), 'FLAKY', '2024-07-31'), seriesMatrix(fetcher(c), 'RUT', '2024-07-30')]);
    expect(flaky).toEqual([[isoToSerial('2024-07-31'), reference.closes.at(-1)]]);
    expect(steady).toHaveLength(2);
    expect(server.requests).toHaveLength(3); // the batch, then FLAKY alone twice
    server.flakyFailures = 3; // one more failure than retries: the cell shows the server's message
    const e = await rejection(seriesMatrix(fetcher(client({ retryDelayMs: 10, maxRetries: 2 })), 'FLAKY'));
    expect(e.kind).toBe('unavailable');
    expect(e.message).toBe('The Tide server is busy: recalculate in a few seconds. The data store is busy');
  });

  it('sends the API key and reports a refused key as unauthorised', async () => {
    const c = client({ apiKey: 'wrong' });
    server.requireKey = 'right';
    try {
      const e = await rejection(seriesMatrix(fetcher(c), 'RUT'));
      expect(e.kind).toBe('unauthorised');
      expect(e.message).toMatch(/refused the request \(HTTP 401\): the API key is not valid/);
      expect(server.requests[0].apiKey).toBe('wrong');
      c.configure({ apiKey: 'right' });
      await expect(seriesMatrix(fetcher(c), 'RUT', '2024-07-31')).resolves.toHaveLength(1);
    } finally {
      server.requireKey = undefined;
    }
  });

  it('gives up on a server that never answers after the timeout', async () => {
    const silent = await startSilentServer();
    try {
      const c = new BatchingClient({ url: silent.url, timeoutMs: 300 });
      const t0 = Date.now();
      const e = await rejection(c.fetch({ field: 'series', args: [{ name: 'id', type: 'ID!', value: 'RUT' }], selection: 'id' }));
      expect(e.kind).toBe('timeout');
      expect(e.message).toBe(`Tide server at ${silent.url} did not answer within 0.3 s. Check the API URL and key in the Tide task pane.`);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
      expect(Date.now() - t0).toBeLessThan(2000);
    } finally {
      await silent.close();
    }
  });

  it('reports a server that is not there as unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r)); // the port is now closed
    const c = new BatchingClient({ url: `http://127.0.0.1:${port}/graphql` });
    const e = await rejection(c.fetch({ field: 'series', args: [{ name: 'id', type: 'ID!', value: 'RUT' }], selection: 'id' }));
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(new RegExp(`^Tide server unreachable at http://127.0.0.1:${port}/graphql`));
  });
});
