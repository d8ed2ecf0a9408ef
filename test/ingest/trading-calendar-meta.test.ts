// The trading calendar a series' periods end by survives a refresh: Stooq's recorded RUT and QQQ
// responses (test/ingest/recorded/stooq/) come in with NYSE's calendar, and FRED's recorded
// NASDAQCOM (test/ingest/recorded/fred/), whose metadata names no exchange, keeps the calendar the
// catalog (data/catalog.json) gave it.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchJob } from '../../api/ingest/jobs.js';
import { ingest } from '../../api/ingest/pipeline.js';
import type { SeriesMeta } from '../../api/series/types.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

let server: RecordedServer;
let env: Record<string, string>;
const now = () => new Date('2026-05-01T06:00:00.000Z');
beforeAll(async () => {
  server = await startRecordedServer();
  env = { FRED_API_URL: `${server.url}/fred`, FRED_API_KEY: 'k', STOOQ_URL: `${server.url}/stooq/` };
});
afterAll(() => server.close());

describe('trading calendar in series metadata', () => {
  it('Stooq prices of NYSE-listed RUT and QQQ carry XNYS; the E-mini future does not', async () => {
    const batches = await fetchJob({ kind: 'stooq', series: ['RUT', 'QQQ', 'NQ=F'] }, env);
    expect(Object.fromEntries(batches.map((b) => [b.meta.id, b.meta.calendar]))).toEqual({ RUT: 'XNYS', QQQ: 'XNYS', 'NQ=F': undefined });
  });

  it('a FRED refresh of NASDAQCOM keeps the calendar the catalog gave it', async () => {
    const local = await startLocalStore();
    try {
      const catalog = JSON.parse(readFileSync(new URL('../../data/catalog.json', import.meta.url), 'utf8'));
      const { files: _f, refresh: _r, ...bundled } = catalog.series.find((s: { id: string }) => s.id === 'NASDAQCOM');
      expect(bundled.calendar).toBe('XNYS');
      await local.store.putMeta(bundled as SeriesMeta);
      const batches = await fetchJob({ kind: 'fred', series: ['NASDAQCOM'] }, env);
      expect(batches[0].meta.calendar).toBeUndefined();
      const [outcome] = await ingest(local.store, 'fred', batches, { now });
      expect(outcome.metaWritten).toBe(true);
      expect((await local.store.getMeta('NASDAQCOM'))?.calendar).toBe('XNYS');
    } finally {
      await local.close();
    }
  });
});
