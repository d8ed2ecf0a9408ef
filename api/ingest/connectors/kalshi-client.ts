import { fetchJson, type HttpOptions } from '../http.js';
import { IngestError } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { kalshiDescription, parseKalshiCandlesticks, parseKalshiMarket, type KalshiMarket } from './kalshi-parser.js';

/** Kalshi's public market data needs no key; KALSHI_API_URL points elsewhere (a proxy, a test server). */
export function kalshiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.KALSHI_API_URL || 'https://api.elections.kalshi.com/trade-api/v2').replace(/\/+$/, '');
}

const DAY = 86_400;

/** A 404 means "not in this tier": markets settled before Kalshi's historical cutoff move to /historical. */
async function getOr404(url: string, origin: { source: string; series: string }, http?: HttpOptions): Promise<unknown | undefined> {
  try {
    return await fetchJson(url, origin, http);
  } catch (e) {
    if (e instanceof IngestError && /^HTTP 404\b/.test(e.detail)) return undefined;
    throw e;
  }
}

/**
 * One market: its description (GET /markets/{ticker}, or /historical/markets/{ticker} once it has
 * moved there) and its daily candlesticks from the same tier, from the market's open to its close
 * (or today). Nothing is written here.
 */
export async function fetchKalshiMarket(ticker: string, opts: { baseUrl: string; http?: HttpOptions; now?: Date }): Promise<SeriesBatch> {
  const id = `KALSHI:${ticker}`;
  const t = encodeURIComponent(ticker);
  let tier: 'live' | 'historical' = 'live';
  let body = await getOr404(`${opts.baseUrl}/markets/${t}`, { source: 'Kalshi /markets', series: id }, opts.http);
  if (body === undefined) {
    tier = 'historical';
    body = await getOr404(`${opts.baseUrl}/historical/markets/${t}`, { source: 'Kalshi /historical/markets', series: id }, opts.http);
    if (body === undefined)
      throw new IngestError('Kalshi /markets', id, undefined, `no market ${ticker} (HTTP 404 from /markets and /historical/markets); a market ticker looks like KXFEDDECISION-25SEP-H0`, 'REFUSED');
  }
  const market: KalshiMarket = parseKalshiMarket(body, ticker);
  const nowTs = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const start = Math.floor(Date.parse(market.openTime) / 1000);
  const end = Math.min(nowTs, Math.floor(Date.parse(market.closeTime) / 1000) + DAY);
  const q = `start_ts=${start}&end_ts=${Math.max(start, end)}&period_interval=1440`;
  const path = tier === 'live' ? `/series/${encodeURIComponent(market.seriesTicker)}/markets/${t}/candlesticks` : `/historical/markets/${t}/candlesticks`;
  const candles = await fetchJson(`${opts.baseUrl}${path}?${q}`, { source: 'Kalshi /candlesticks', series: id }, opts.http);
  return { meta: kalshiDescription(market), revisions: parseKalshiCandlesticks(candles, ticker) };
}
