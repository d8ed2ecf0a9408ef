import { isIdList, type Connector } from '../connector.js';
import type { SeriesBatch } from '../types.js';
import { fetchFredSeries, fredApiKey, fredBaseUrl } from './fred-client.js';

export type FredJob = { kind: 'fred'; series: string[]; vintages?: boolean };

/** FRED/ALFRED: one request per series (with every vintage when asked); needs FRED_API_KEY. */
export const fred: Connector<FredJob> = {
  kind: 'fred',
  check(_job, needs) {
    needs('series', isIdList, 'a non-empty list of series ids');
  },
  describe: (job) => `fred ${job.series.join(',')}${job.vintages ? ' (vintages)' : ''}`,
  expectedSeries: (job) => job.series.length,
  async fetch(job, { env, http }) {
    const apiKey = await fredApiKey(env);
    const out: SeriesBatch[] = [];
    for (const id of job.series) out.push(await fetchFredSeries(id, job.vintages ?? false, { apiKey, http, baseUrl: fredBaseUrl(env) }));
    return out;
  },
  command: {
    usage: ['  fred <SERIES_ID...> [--vintages]          FRED/ALFRED (FRED_API_KEY)'],
    options: { vintages: { type: 'boolean' } },
    build({ args, values, one }) {
      one('series id');
      return { kind: 'fred', series: args, vintages: (values.vintages as boolean | undefined) ?? false };
    },
  },
};
