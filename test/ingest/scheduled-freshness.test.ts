import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScheduled } from '../../api/handlers/scheduled-run.js';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../api/handlers/ingest-metrics.js';
import type { Job } from '../../api/ingest/jobs.js';
import { CheckRecords } from '../../api/store/check-records.js';
import { startLocalStore } from '../../support/ingest/local-store.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { captureOutput } from '../helpers/capture-logs.js';

// The scheduled ingest's run, end to end over loopback: FRED's recorded answers (test/ingest/recorded,
// from data/real) through the real pipeline into dynalite, then the check records, the freshness of
// every kept series, and the metrics in CloudWatch's embedded metric format as the function logs them.

let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
const env = () => ({ FRED_API_URL: `${server.url}/fred`, FRED_API_KEY: 'k', INGEST_HTTP_RETRIES: '0', INGEST_HTTP_BACKOFF_MS: '10', INGEST_HTTP_TIMEOUT_MS: '2000' });
const jobs: Job[] = [{ kind: 'fred', series: ['FEDFUNDS', 'DGS2'] }];

beforeAll(async () => {
  server = await startRecordedServer();
  local = await startLocalStore();
});
afterAll(async () => {
  await server.close();
  await local.close();
});

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  [key: string]: unknown;
}

/** Runs the schedule at `now`, returning what it resolved or threw and the EMF documents it printed. */
async function run(now: string) {
  const out = captureOutput();
  const result = await runScheduled(local.store, jobs, { stage: 'test', now: () => new Date(now), env: env() }).then(
    (r) => ({ ok: r }),
    (e: Error) => ({ error: e }),
  );
  out.stop();
  const emf = out.lines().flatMap((l) => (l.startsWith('{') && l.includes('"_aws"') ? [JSON.parse(l) as Emf] : []));
  return { result, emf, perSeries: (id: string) => emf.find((d) => d.Series === id), run: emf.find((d) => 'StaleSeries' in d) };
}

describe('the scheduled run records checks and reports freshness', () => {
  it('on time: every series checked, none stale; metrics per series and per run', async () => {
    const { result, emf, perSeries, run: totals } = await run('2025-01-03T23:45:00Z');
    expect(result).toMatchObject({ ok: { staleSeries: [] } });
    const fedfunds = await local.store.getMeta('FEDFUNDS');
    const dgs2 = await local.store.getMeta('DGS2');
    // The recorded FRED answers end here (test/ingest/recorded/fred); expectedBy is the publisher's day
    // (series/publisher-calendar.ts): January's FEDFUNDS average on the first Board business day after
    // the month, Monday 2025-02-03; 2025-01-02's DGS2 on the next, 2025-01-03 (2025-01-01 is a holiday,
    // data/calendars/federal_reserve_holidays.csv).
    expect([fedfunds?.lastDate, dgs2?.lastDate]).toEqual(['2024-12-01', '2024-12-31']);
    const checks = new CheckRecords(local.store.table, local.store.tableName);
    expect(await checks.checkedIds()).toEqual(['DGS2', 'FEDFUNDS']);
    expect(await checks.lastChecked('FEDFUNDS')).toBe('2025-01-03T23:45:00.000Z');
    expect(perSeries('FEDFUNDS')).toMatchObject({ DaysLate: 0, Stale: 0, expectedBy: '2025-02-03', expectedFrom: 'CALENDAR', Stage: 'test', service: METRICS_SERVICE });
    expect(perSeries('DGS2')).toMatchObject({ DaysLate: 0, Stale: 0, expectedBy: '2025-01-03', expectedFrom: 'CALENDAR' });
    expect(totals).toMatchObject({ StaleSeries: 0, SeriesKept: 2, SeriesChecked: 2, JobsFailed: 0 });
    for (const doc of emf) {
      expect(doc._aws.CloudWatchMetrics[0].Namespace).toBe(METRICS_NAMESPACE);
      expect(doc._aws.CloudWatchMetrics[0].Dimensions[0]).toEqual(expect.arrayContaining(['service', 'Stage']));
    }
    // Each document names Series only when it is about one series: the run's totals alarm without it.
    expect(totals?._aws.CloudWatchMetrics[0].Dimensions[0]).not.toContain('Series');
  });

  it('a failing source: the run throws after reporting; the series it keeps go stale on their own clock', async () => {
    server.fault('/fred/series/observations', { status: 500 }, { status: 500 });
    const { result, perSeries, run: totals } = await run('2025-01-08T23:45:00Z');
    expect('error' in result && result.error.message).toMatch(/^1 ingest job\(s\) failed: fred FEDFUNDS,DGS2: FRED \/series\/observations, FEDFUNDS: HTTP 500/);
    // DGS2 (daily) was due 2025-01-03, five days ago; FEDFUNDS (monthly) is not due until February.
    expect(perSeries('DGS2')).toMatchObject({ DaysLate: 5, Stale: 1 });
    expect(perSeries('FEDFUNDS')).toMatchObject({ DaysLate: 0, Stale: 0 });
    expect(totals).toMatchObject({ StaleSeries: 1, SeriesKept: 2, SeriesChecked: 0, JobsFailed: 1 });
    // The last successful check is still the first run's.
    expect(await new CheckRecords(local.store.table, local.store.tableName).lastChecked('DGS2')).toBe('2025-01-03T23:45:00.000Z');
  });
});
