import { fetchAlphaVantageSeries } from './connectors/alphavantage-client.js';
import { cftcBaseUrl, fetchCftcSeries } from './connectors/cftc-client.js';
import { CFTC_FIELDS, type CftcReport } from './connectors/cftc-parser.js';
import { readCsvSeries } from './connectors/csv-client.js';
import type { CsvMapping } from './connectors/csv-parser.js';
import { fetchFredSeries, fredApiKey, fredBaseUrl } from './connectors/fred-client.js';
import { DEFAULT_CANDIDATES, readPollSeries } from './connectors/polls-client.js';
import { fetchStooqSeries, stooqBaseUrl } from './connectors/stooq-client.js';
import { httpOptionsFromEnv } from './http.js';
import type { SeriesBatch } from './types.js';

/** One unit of work a run performs; the config file is a list of these. */
export type Job =
  | { kind: 'fred'; series: string[]; vintages?: boolean }
  | { kind: 'cftc'; contract: string; reports?: CftcReport[] }
  | { kind: 'stooq'; series: string[]; symbols?: Record<string, string> }
  | { kind: 'alphavantage'; series: string[]; symbols?: Record<string, string>; outputSize?: 'compact' | 'full' }
  | ({ kind: 'csv'; file: string } & CsvMapping)
  | { kind: 'polls'; file: string; candidates?: string[]; states?: boolean };

/** Jobs that read local files cannot run where the files are absent (the scheduled Lambda). */
export const isFileJob = (job: Job) => job.kind === 'csv' || (job.kind === 'polls' && !/^https?:\/\//i.test(job.file));

export function describeJob(job: Job): string {
  switch (job.kind) {
    case 'fred': return `fred ${job.series.join(',')}${job.vintages ? ' (vintages)' : ''}`;
    case 'cftc': return `cftc ${job.contract} ${(job.reports ?? ['F', 'C']).join('+')}`;
    case 'stooq': case 'alphavantage': return `${job.kind} ${job.series.join(',')}`;
    case 'csv': case 'polls': return `${job.kind} ${job.file}`;
  }
}

/** How many series a job will deliver, known before fetching (for the progress bar). */
export function expectedSeries(job: Job): number {
  switch (job.kind) {
    case 'fred': case 'stooq': case 'alphavantage': return job.series.length;
    case 'cftc': return (job.reports ?? ['F', 'C']).length * Object.keys(CFTC_FIELDS).length;
    case 'csv': return job.columns.length;
    case 'polls': return (job.candidates ?? DEFAULT_CANDIDATES).length; // national; state series are extra
  }
}

/** Fetches and parses everything a job delivers; nothing is written here. */
export async function fetchJob(job: Job, env: NodeJS.ProcessEnv = process.env): Promise<SeriesBatch[]> {
  const http = httpOptionsFromEnv(env);
  switch (job.kind) {
    case 'fred': {
      const apiKey = await fredApiKey(env);
      const out: SeriesBatch[] = [];
      for (const id of job.series) out.push(await fetchFredSeries(id, job.vintages ?? false, { apiKey, http, baseUrl: fredBaseUrl(env) }));
      return out;
    }
    case 'cftc':
      return fetchCftcSeries(job.contract, job.reports ?? ['F', 'C'], { http, baseUrl: cftcBaseUrl(env), appToken: env.CFTC_APP_TOKEN, pageSize: env.CFTC_PAGE_SIZE ? Number(env.CFTC_PAGE_SIZE) : undefined });
    case 'stooq':
      return Promise.all(job.series.map((id) => fetchStooqSeries(id, { symbol: job.symbols?.[id], http, baseUrl: stooqBaseUrl(env) })));
    case 'alphavantage': {
      const out: SeriesBatch[] = [];
      for (const id of job.series) out.push(await fetchAlphaVantageSeries(id, { symbol: job.symbols?.[id], outputSize: job.outputSize, http, apiKey: env.ALPHAVANTAGE_API_KEY, baseUrl: env.ALPHAVANTAGE_URL || undefined }));
      return out;
    }
    case 'csv':
      return readCsvSeries(job.file, job);
    case 'polls':
      return readPollSeries(job.file, { candidates: job.candidates, states: job.states, http });
  }
}

export { isFrequency } from '../series/periods.js';
