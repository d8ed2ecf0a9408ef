import { connectorFor, type Job } from './connectors/index.js';
import { httpOptionsFromEnv } from './http.js';
import type { FetchContext } from './connector.js';
import type { SeriesBatch } from './types.js';

export type { Job };

/** Jobs that read local files cannot run where the files are absent (the scheduled Lambda). */
export const isFileJob = (job: Job): boolean => connectorFor(job).readsLocalFile?.(job) ?? false;

export const describeJob = (job: Job): string => connectorFor(job).describe(job);

/** How many series a job will deliver, known before fetching (for the progress bar). */
export const expectedSeries = (job: Job): number => connectorFor(job).expectedSeries(job);

/** Fetches and parses everything a job delivers; nothing is written here. */
export function fetchJob(job: Job, env: NodeJS.ProcessEnv = process.env, run: Pick<FetchContext, 'now' | 'onSeriesFailed'> = {}): Promise<SeriesBatch[]> {
  return connectorFor(job).fetch(job, { env, http: httpOptionsFromEnv(env), ...run });
}
