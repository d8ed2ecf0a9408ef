import { describeJob, fetchJob, type Job } from './jobs.js';
import { ingest, type PipelineOptions, type SeriesOutcome } from './pipeline.js';
import type { RevisionStore } from './types.js';

export interface RunSummary {
  seriesTouched: number;
  pointsAdded: number;
  vintagesAdded: number;
  outcomes: SeriesOutcome[];
  errors: { job: string; message: string }[];
}

/**
 * Runs jobs one after another through the one pipeline. A failing job is reported and the rest
 * still run; since a job validates everything before writing, a failed job has written nothing.
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
    try {
      const batches = await fetchJob(job, options.env);
      const outcomes = await ingest(store, job.kind, batches, options);
      summary.outcomes.push(...outcomes);
      // Checked: the source answered and every series it delivered is stored, new values or none.
      await options.checks?.recordChecked(outcomes.map((o) => o.id), (options.now ?? (() => new Date()))());
    } catch (e) {
      summary.errors.push({ job: describeJob(job), message: (e as Error).message });
      options.onJobFailed?.(job, e as Error);
    }
  }
  for (const o of summary.outcomes) {
    if (o.pointsAdded > 0 || o.metaWritten) summary.seriesTouched++;
    summary.pointsAdded += o.pointsAdded;
    summary.vintagesAdded += o.vintagesAdded;
  }
  return summary;
}

export function formatSummary(s: RunSummary, seconds: number): string {
  const lines = [
    `series touched: ${s.seriesTouched} of ${s.outcomes.length}`,
    `points added:   ${s.pointsAdded}`,
    `vintages added: ${s.vintagesAdded}`,
    `errors:         ${s.errors.length}`,
    ...s.errors.map((e) => `  - ${e.job}: ${e.message}`),
    `time:           ${seconds.toFixed(1)} s`,
  ];
  return lines.join('\n');
}
