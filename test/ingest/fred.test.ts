import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFredSeries } from '../../api/ingest/connectors/fred-client.js';
import { parseFredObservations } from '../../api/ingest/connectors/fred-parser.js';
import { ingest } from '../../api/ingest/pipeline.js';
import { inForce } from '../../api/series/revisions.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
const fast = { retries: 2, baseDelayMs: 20, timeoutMs: 2000 };
const opts = () => ({ baseUrl: `${server.url}/fred`, apiKey: 'test-key', http: fast });

beforeAll(async () => {
  server = await startRecordedServer();
  local = await startLocalStore();
});
afterAll(async () => {
  await server.close();
  await local.close();
});

describe('FRED/ALFRED connector against recorded responses', () => {
  it('maps each realtime period of CPIAUCSL to a revision, so every vintage is readable as of its date', async () => {
    const batch = await fetchFredSeries('CPIAUCSL', true, opts());
    expect(batch.meta).toMatchObject({ id: 'CPIAUCSL', frequency: 'MONTHLY', unit: 'Index 1982-1984=100, SA' });
    const june = batch.revisions.filter((r) => r.date === '2024-06-01');
    // June 2024 CPI as printed in the three recorded vintages (values from the vintage extracts)
    expect(june).toEqual([
      { date: '2024-06-01', value: 313.049, realtimeStart: '2024-12-11' },
      { date: '2024-06-01', value: 313.131, realtimeStart: '2025-12-18' },
      { date: '2024-06-01', value: 313.044, realtimeStart: '2026-04-15' },
    ]);
    // October 2025 was never published (shutdown): FRED's "." becomes a missing value
    expect(batch.revisions.find((r) => r.date === '2025-10-01')).toEqual({ date: '2025-10-01', value: null, realtimeStart: '2025-12-18' });
    expect(server.requests.some((r) => r.includes('realtime_start=1776-07-04') && r.includes('output_type=1'))).toBe(true);

    await ingest(local.store, 'fred', [batch]);
    const stored = await local.store.readRevisions('CPIAUCSL');
    expect(inForce(stored, '2025-01-01').find((r) => r.date === '2024-06-01')?.value).toBe(313.049);
    expect(inForce(stored).find((r) => r.date === '2024-06-01')?.value).toBe(313.044);
    const meta = await local.store.getMeta('CPIAUCSL');
    expect(meta).toMatchObject({ firstDate: '2021-01-01', lastDate: '2025-12-01', firstVintage: '2024-12-11', lastVintage: '2026-04-15' });
    expect(await local.store.readVintages('CPIAUCSL')).toEqual(['2024-12-11', '2025-12-18', '2026-04-15']);
  });

  it('pages through observations with limit/offset and keeps row numbers true across pages', () => {
    const page = { count: 3, offset: 2, limit: 2, observations: [{ realtime_start: '2024-01-01', realtime_end: '9999-12-31', date: '2024-01-01', value: 'abc' }] };
    expect(() => parseFredObservations(page, 'X', 3)).toThrow('FRED /series/observations, X, row 3: value "abc" for 2024-01-01 is not a number');
  });

  it('names the series when FRED refuses it', async () => {
    await expect(fetchFredSeries('NOSUCHSERIES', false, opts())).rejects.toThrow(/FRED \/series, NOSUCHSERIES: HTTP 400 .*series does not exist/);
  });
});
