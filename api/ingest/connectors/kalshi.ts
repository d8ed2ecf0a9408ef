import { isIdList, type Connector, type FetchContext } from '../connector.js';
import type { SeriesBatch } from '../types.js';
import { fetchKalshiCandles, fetchKalshiMarket, kalshiBaseUrl, type KalshiFetchOptions } from './kalshi-client.js';
import { discoverKalshiSeries } from './kalshi-discovery.js';
import { kalshiSeriesId } from './kalshi-parser.js';

/**
 * Either fixed market tickers, or series tickers whose markets are found on each run: a series
 * job keeps up as Kalshi lists each new event (every Fed meeting, every CPI release) with no edit.
 */
export type KalshiJob = { kind: 'kalshi'; markets: string[] } | { kind: 'kalshi'; series: string[]; settledWithinDays?: number; maxMarkets?: number };

/** Kalshi market tickers are upper-case letters, digits and . - (KXFEDDECISION-25SEP-H0, PRES-2024-DJT). */
const TICKER = /^[A-Z0-9][A-Z0-9.-]{0,56}$/;
/** Series tickers are one segment: KXFEDDECISION, KXCPIYOY. */
const SERIES = /^[A-Z0-9][A-Z0-9.]{0,39}$/;

/** Long enough that a settled market's last prices are read after a missed run or two; short enough that each run stays small. */
export const DEFAULT_SETTLED_WITHIN_DAYS = 45;
/** Fed decisions list about 8 meetings a year ahead with 5 outcomes each; 100 leaves room without letting a run grow unseen. */
export const DEFAULT_MAX_MARKETS = 100;

const isWhole = (lo: number, hi: number) => (v: unknown) => v === undefined || (Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi);

type Failed = (series: string, e: unknown) => void;

/** Reports one market (or series) that failed and goes on, or throws it when the caller wants the first failure. */
function isolate(ctx: FetchContext): Failed {
  return (series: string, e: unknown) => {
    if (!ctx.onSeriesFailed) throw e;
    ctx.onSeriesFailed(series, e as Error);
  };
}

async function fetchSeries(job: Extract<KalshiJob, { series: string[] }>, opts: KalshiFetchOptions, failed: Failed): Promise<SeriesBatch[]> {
  const out: SeriesBatch[] = [];
  for (const series of job.series) {
    let found;
    try {
      found = await discoverKalshiSeries(series, { ...opts, settledWithinDays: job.settledWithinDays ?? DEFAULT_SETTLED_WITHIN_DAYS, maxMarkets: job.maxMarkets ?? DEFAULT_MAX_MARKETS });
    } catch (e) {
      failed(kalshiSeriesId(series), e);
      continue;
    }
    if (found.capped) failed(kalshiSeriesId(series), found.capped);
    for (const { market, tier } of found.markets) {
      try {
        out.push(await fetchKalshiCandles(market, tier, opts));
      } catch (e) {
        failed(kalshiSeriesId(market.ticker), e);
      }
    }
  }
  return out;
}

/** Kalshi: each market's daily closing YES price as a probability, series KALSHI:<TICKER>; no key. */
export const kalshi: Connector<KalshiJob> = {
  kind: 'kalshi',
  check(job, needs) {
    if (job.series !== undefined || job.markets === undefined) {
      needs('series', (v) => isIdList(v) && (v as string[]).every((t) => SERIES.test(t)), 'a non-empty list of Kalshi series tickers such as "KXFEDDECISION" (or "markets": a list of market tickers)');
      needs('markets', (v) => v === undefined, 'absent when "series" is given: a job names either series or markets');
      needs('settledWithinDays', isWhole(1, 366), 'a whole number of days from 1 to 366');
      needs('maxMarkets', isWhole(1, 1000), 'a whole number from 1 to 1000');
      return;
    }
    needs('markets', (v) => isIdList(v) && (v as string[]).every((t) => TICKER.test(t)), 'a non-empty list of Kalshi market tickers such as "KXFEDDECISION-25SEP-H0"');
  },
  describe: (job) => ('series' in job ? `kalshi series ${job.series.join(',')}` : `kalshi ${job.markets.join(',')}`),
  // a series job's markets are known only once listed: this counts each series as one
  expectedSeries: (job) => ('series' in job ? job.series.length : job.markets.length),
  async fetch(job, ctx) {
    const opts = { baseUrl: kalshiBaseUrl(ctx.env), http: ctx.http, now: ctx.now };
    const failed = isolate(ctx);
    if ('series' in job) return fetchSeries(job, opts, failed);
    const out: SeriesBatch[] = [];
    for (const ticker of job.markets) {
      try {
        out.push(await fetchKalshiMarket(ticker, opts));
      } catch (e) {
        failed(kalshiSeriesId(ticker), e);
      }
    }
    return out;
  },
  command: {
    usage: [
      '  kalshi <MARKET_TICKER...>                 Kalshi markets → daily YES price as probability, KALSHI:<TICKER> (KALSHI_API_URL)',
      '  kalshi --series <SERIES_TICKER...>        every market of each Kalshi series open or closed in the last 45 days (KXFEDDECISION)',
    ],
    options: { series: { type: 'boolean' } },
    build({ args, values, one, fail }) {
      if (values.series) {
        one('series ticker');
        const bad = args.find((t) => !SERIES.test(t));
        if (bad) fail(`kalshi --series: "${bad}" is not a Kalshi series ticker (upper-case letters and digits, no "-", e.g. KXFEDDECISION).`);
        return { kind: 'kalshi', series: args };
      }
      one('market ticker');
      const bad = args.find((t) => !TICKER.test(t));
      if (bad) fail(`kalshi: "${bad}" is not a Kalshi market ticker (upper-case letters, digits, "-" and ".", e.g. KXFEDDECISION-25SEP-H0).`);
      return { kind: 'kalshi', markets: args };
    },
  },
};
