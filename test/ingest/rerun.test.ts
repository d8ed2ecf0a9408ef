import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJob, type Job } from '../../api/ingest/jobs.js';
import { ingest } from '../../api/ingest/pipeline.js';
import type { SeriesBatch } from '../../api/ingest/types.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

let server: RecordedServer;
let sources: { kind: string; batches: SeriesBatch[] }[];
const clock = () => new Date('2026-05-01T06:00:00.000Z');

beforeAll(async () => {
  server = await startRecordedServer();
  const env = { FRED_API_URL: `${server.url}/fred`, FRED_API_KEY: 'k', CFTC_API_URL: `${server.url}/cftc`, STOOQ_URL: `${server.url}/stooq/` };
  const jobs: Job[] = [
    { kind: 'fred', series: ['CPIAUCSL', 'GDPC1', 'DGS2'], vintages: true },
    { kind: 'cftc', contract: '239742', reports: ['F'] },
    { kind: 'stooq', series: ['RUT'] },
  ];
  sources = await Promise.all(jobs.map(async (job) => ({ kind: job.kind, batches: await fetchJob(job, env) })));
});
afterAll(() => server.close());

async function runAll(store: SeriesStore) {
  const outcomes = [];
  for (const s of sources) outcomes.push(...(await ingest(store, s.kind, s.batches, { now: clock })));
  return outcomes;
}

/** A store whose DynamoDB client dies on its Nth write request (a chunk batch or a put). */
const writeCounts = new WeakMap<SeriesStore, () => number>();
const writesMade = (store: SeriesStore): number => writeCounts.get(store)!();

function dyingStore(endpoint: string, writesBeforeDeath: number): SeriesStore {
  const table = createTable({ endpoint });
  let writes = 0;
  const dying =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      if (++writes > writesBeforeDeath) return Promise.reject(new Error('killed'));
      return write(...args);
    };
  const store = new SeriesStore({ table: { ...table, put: dying(table.put), batchWrite: dying(table.batchWrite) }, tableName: 'tide-test' });
  writeCounts.set(store, () => writes);
  return store;
}

describe('idempotence and kill-and-rerun', () => {
  it('the same ingest twice: the second run writes nothing', async () => {
    const local = await startLocalStore();
    const first = await runAll(local.store);
    expect(first.reduce((n, o) => n + o.pointsAdded, 0)).toBeGreaterThan(1500);
    const before = await local.scan();
    const writesBefore = local.store.stats.requests;
    const second = await runAll(local.store);
    expect(second.every((o) => o.pointsAdded === 0 && o.vintagesAdded === 0 && !o.metaWritten)).toBe(true);
    expect(await local.scan()).toEqual(before);
    // reads only: one chunk query, one rescales get and one metadata get per series
    expect(local.store.stats.requests - writesBefore).toBe(3 * second.length);
    await local.close();
  });

  // Eleven full runs against dynalite: a generous timeout, since this asserts completion, not speed.
  it('a run killed after N writes, then re-run, leaves exactly the table of a clean run', { timeout: 180_000 }, async () => {
    const clean = await startLocalStore();
    const counting = dyingStore(clean.endpoint, Infinity);
    await runAll(counting);
    const totalWrites = writesMade(counting);
    const expected = await clean.scan();
    await clean.close();
    // Ten kill points drawn (seeded, so a failure replays) from every write the clean run made, plus
    // the first write and the gap between a series' chunks and its metadata.
    let seed = 20240716;
    const next = () => (seed = (seed * 48271) % 2147483647);
    const points = new Set([0, 1]);
    while (points.size < 10) points.add(next() % totalWrites);
    expect(totalWrites).toBeGreaterThan(10);
    for (const n of [...points].sort((a, b) => a - b)) {
      const local = await startLocalStore();
      // each series is its own unit: the run goes on and reports every series whose writes died
      const outcomes = await runAll(dyingStore(local.endpoint, n));
      expect(outcomes.filter((o) => o.error).every((o) => o.error!.startsWith(`${o.id}: `) && o.error!.endsWith(': killed'))).toBe(true);
      expect(outcomes.some((o) => o.error)).toBe(true);
      const partial = await local.scan();
      expect(partial.length).toBeLessThan(expected.length);
      if (n > 0) expect(partial.length).toBeGreaterThan(0);
      await runAll(local.store);
      expect(await local.scan(), `killed after ${n} writes`).toEqual(expected);
      await local.close();
    }
  });
});
