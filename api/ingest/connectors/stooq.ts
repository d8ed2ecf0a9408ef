import { isIdList, type Connector } from '../connector.js';
import { closesCommand } from './closes.js';
import { fetchStooqSeries, stooqBaseUrl } from './stooq-client.js';

export type StooqJob = { kind: 'stooq'; series: string[]; symbols?: Record<string, string> };

/** Stooq daily closes (no key); requests run in parallel. */
export const stooq: Connector<StooqJob> = {
  kind: 'stooq',
  check(_job, needs) {
    needs('series', isIdList, 'a non-empty list of series ids');
  },
  describe: (job) => `stooq ${job.series.join(',')}`,
  expectedSeries: (job) => job.series.length,
  fetch: (job, { env, http }) => Promise.all(job.series.map((id) => fetchStooqSeries(id, { symbol: job.symbols?.[id], http, baseUrl: stooqBaseUrl(env) }))),
  command: {
    usage: ['  stooq <ID...> [--symbol TICKER]           daily closes from Stooq (no key)'],
    options: { symbol: { type: 'string' } },
    build: (context) => closesCommand('stooq', context),
  },
};
