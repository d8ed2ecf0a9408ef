import { isIdList, type Connector } from '../connector.js';
import type { SeriesBatch } from '../types.js';
import { fetchAlphaVantageSeries } from './alphavantage-client.js';
import { closesCommand } from './closes.js';

export type AlphaVantageJob = { kind: 'alphavantage'; series: string[]; symbols?: Record<string, string>; outputSize?: 'compact' | 'full' };

/** Alpha Vantage daily closes (ALPHAVANTAGE_API_KEY); one request after another (the free tier's rate). */
export const alphavantage: Connector<AlphaVantageJob> = {
  kind: 'alphavantage',
  check(job, needs) {
    needs('series', isIdList, 'a non-empty list of series ids');
    if (job.outputSize !== undefined) needs('outputSize', (v) => v === 'compact' || v === 'full', '"compact" (default) or "full" (premium keys only)');
  },
  describe: (job) => `alphavantage ${job.series.join(',')}`,
  expectedSeries: (job) => job.series.length,
  async fetch(job, { env, http }) {
    const out: SeriesBatch[] = [];
    for (const id of job.series)
      out.push(await fetchAlphaVantageSeries(id, { symbol: job.symbols?.[id], outputSize: job.outputSize, http, apiKey: env.ALPHAVANTAGE_API_KEY, baseUrl: env.ALPHAVANTAGE_URL || undefined }));
    return out;
  },
  command: {
    usage: ['  alphavantage <ID...> [--symbol TICKER]    daily closes from Alpha Vantage (ALPHAVANTAGE_API_KEY)'],
    options: { symbol: { type: 'string' } },
    build: (context) => closesCommand('alphavantage', context),
  },
};
