import { Logger } from '@aws-lambda-powertools/logger';
import { describeJob, type Job } from '../ingest/jobs.js';
import { runJobs } from '../ingest/run.js';
import { freshnessTable, utcDay } from '../services/freshness.js';
import { CheckRecords } from '../store/check-records.js';
import type { SeriesStore } from '../store/series-store.js';
import type { SeriesMeta } from '../series/types.js';
import { createIngestMetrics, publishRunMetrics } from './ingest-metrics.js';

const logger = new Logger({ serviceName: 'tide-ingest' });

export interface IngestResult {
  seriesTouched: number;
  pointsAdded: number;
  vintagesAdded: number;
  staleSeries: string[];
}

/**
 * One scheduled run over `store`: the jobs, the check records, then the freshness of every series the
 * schedule keeps, logged and emitted as metrics. A failed job fails the invocation, after the metrics
 * are out, so the function's Errors alarm and its failure destination see it.
 */
export async function runScheduled(store: SeriesStore, jobs: Job[], opts: { stage: string; now?: () => Date; env?: NodeJS.ProcessEnv }): Promise<IngestResult> {
  const now = opts.now ?? (() => new Date());
  const checks = new CheckRecords(store.table, store.tableName);
  const summary = await runJobs(jobs, store, {
    now,
    env: opts.env,
    checks,
    onJobFailed: (job, error) => logger.error('ingest job failed', { job: describeJob(job), error: error.message }),
  });
  const ids = await checks.checkedIds();
  const metas = (await Promise.all(ids.map((id) => store.getMeta(id)))).filter((m): m is SeriesMeta => m !== null);
  const rows = await freshnessTable(metas, checks, utcDay(now()));
  const stale = rows.filter((r) => r.stale);
  publishRunMetrics(createIngestMetrics(opts.stage), { rows, checked: summary.outcomes.length, jobsFailed: summary.errors.length });
  if (stale.length)
    logger.warn('series late past their expected release', {
      stale: stale.map((r) => ({ id: r.id, lastObservation: r.lastObservation, expectedBy: r.expectedBy, expectedFrom: r.expectedFrom, daysLate: r.daysLate, lastChecked: r.lastChecked })),
    });
  logger.info('ingest finished', { seriesTouched: summary.seriesTouched, pointsAdded: summary.pointsAdded, vintagesAdded: summary.vintagesAdded, errors: summary.errors, staleSeries: stale.length });
  if (summary.errors.length) throw new Error(`${summary.errors.length} ingest job(s) failed: ${summary.errors.map((e) => `${e.job}: ${e.message}`).join(' | ')}`);
  return { seriesTouched: summary.seriesTouched, pointsAdded: summary.pointsAdded, vintagesAdded: summary.vintagesAdded, staleSeries: stale.map((r) => r.id) };
}
