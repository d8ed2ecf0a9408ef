import { describeJob, fetchJob, type Job } from './jobs.js';
import { ingest, type PipelineOptions, type SeriesOutcome } from './pipeline.js';
import type { RevisionStore } from './types.js';

export interface RunSummary {
  seriesTouched: number;
  pointsAdded: number;
  vintagesAdded: number;
  /** every series of every job that got as far as writing, in order, with what happened to it */
  outcomes: SeriesOutcome[];
  /** a job that failed as a whole (`series` absent: nothing of it was written), or one series of a job */
  errors: { job: string; series?: string; message: string }[];
}

/**
 * Runs jobs one after another through the one pipeline. A job that fails before writing (its source
 * unreachable, bad input) is reported and has written nothing; the other jobs still run. Once a job
 * writes, each series is its own unit (pipeline.ts): a series the store refuses is reported with its
 * name and reason, and the series before and after it are written as if it were not there.
 */
export interface RunOptions extends PipelineOptions {
  env?: NodeJS.ProcessEnv;
  onJobFailed?: (job: Job, error: Error) => void;
  /** Where each job's series are recorded as checked once it succeeds (series { freshness { lastChecked } }). */
  checks?: { recordChecked(ids: string[], at: Date): Promise<void> };
}

export async function runJobs(jobs: Job[], store: RevisionStore, options: RunOptions = {}): Promise<RunSummary> {
  const summary: RunSummary = { seriesTouched: 0, pointsAdded: 0, vintagesAdded: 0, outcomes: [], errors: [] };
  for (const job of jobs) {
    let outcomes: SeriesOutcome[];
    try {
      const batches = await fetchJob(job, options.env, {
        now: options.now?.(),
        // a series the source could not deliver is reported by name; the job's other series go on
        onSeriesFailed: (series, e) => void summary.errors.push({ job: describeJob(job), series, message: e.message }),
      });
      outcomes = await ingest(store, job.kind, batches, options);
      // Checked: the source answered and every series it delivered is stored, new values or none.
      await options.checks?.recordChecked(
        outcomes.filter((o) => !o.error).map((o) => o.id),
        (options.now ?? (() => new Date()))(),
      );
    } catch (e) {
      summary.errors.push({ job: describeJob(job), message: (e as Error).message });
      options.onJobFailed?.(job, e as Error);
      continue;
    }
    summary.outcomes.push(...outcomes);
    for (const o of outcomes) if (o.error) summary.errors.push({ job: describeJob(job), series: o.id, message: o.error });
  }
  for (const o of summary.outcomes) {
    if (o.pointsAdded > 0 || o.metaWritten) summary.seriesTouched++;
    summary.pointsAdded += o.pointsAdded;
    summary.vintagesAdded += o.vintagesAdded;
  }
  return summary;
}

const plural = (n: number, one: string) => `${n.toLocaleString('en-US')} ${one}${n === 1 ? '' : 's'}`;

/** One line per series: what was written, or that nothing changed, and the error if a part failed. */
export function outcomeLine(o: SeriesOutcome): string {
  const written = o.pointsAdded > 0 || o.vintagesAdded > 0 ? `${plural(o.pointsAdded, 'point')}, ${plural(o.vintagesAdded, 'vintage')} written` : o.metaWritten ? 'metadata written' : 'unchanged';
  return `  ${o.id}: ${o.error ? `${written}; FAILED: ${o.error}` : written}`;
}

export function formatSummary(s: RunSummary, seconds: number): string {
  const failedSeries = s.outcomes.filter((o) => o.error).length;
  const lines = [
    `series touched: ${s.seriesTouched} of ${s.outcomes.length}${failedSeries ? ` (${failedSeries} failed)` : ''}`,
    `points added:   ${s.pointsAdded}`,
    `vintages added: ${s.vintagesAdded}`,
    `errors:         ${s.errors.length}`,
    // a job's own error, or a series that failed before any write, here; a written series' error on its line below
    ...s.errors.filter((e) => !e.series || !s.outcomes.some((o) => o.id === e.series)).map((e) => `  - ${e.job}: ${e.message}`),
    ...(s.outcomes.length ? ['series:', ...s.outcomes.map(outcomeLine)] : []),
    `time:           ${seconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
