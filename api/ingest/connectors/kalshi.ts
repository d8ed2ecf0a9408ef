import { isIdList, type Connector } from '../connector.js';
import type { SeriesBatch } from '../types.js';
import { fetchKalshiMarket, kalshiBaseUrl } from './kalshi-client.js';

export type KalshiJob = { kind: 'kalshi'; markets: string[] };

/** Kalshi market tickers are upper-case letters, digits and . - (KXFEDDECISION-25SEP-H0, PRES-2024-DJT). */
const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,56}$/;

/** Kalshi: each market's daily closing YES price as a probability, series KALSHI:<TICKER>; no key. */
export const kalshi: Connector<KalshiJob> = {
  kind: 'kalshi',
  check(_job, needs) {
    needs('markets', (v) => isIdList(v) && (v as string[]).every((t) => TICKER.test(t)), 'a non-empty list of Kalshi market tickers such as "KXFEDDECISION-25SEP-H0"');
  },
  describe: (job) => `kalshi ${job.markets.join(',')}`,
  expectedSeries: (job) => job.markets.length,
  async fetch(job, { env, http }) {
    const out: SeriesBatch[] = [];
    for (const ticker of job.markets) out.push(await fetchKalshiMarket(ticker, { baseUrl: kalshiBaseUrl(env), http }));
    return out;
  },
  command: {
    usage: ['  kalshi <MARKET_TICKER...>                 Kalshi markets → daily YES price as probability, KALSHI:<TICKER> (KALSHI_API_URL)'],
    options: {},
    build({ args, one, fail }) {
      one('market ticker');
      const bad = args.find((t) => !TICKER.test(t));
      if (bad) fail(`kalshi: "${bad}" is not a Kalshi market ticker (upper-case letters, digits, "-" and ".", e.g. KXFEDDECISION-25SEP-H0).`);
      return { kind: 'kalshi', markets: args };
    },
  },
};
