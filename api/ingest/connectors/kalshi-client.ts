import { fetchJson, type HttpOptions } from '../http.js';
import { IngestError } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { kalshiDescription, kalshiSeriesId, parseKalshiCandlesticks, parseKalshiMarket, type KalshiMarket } from './kalshi-parser.js';

/** Kalshi's public market data needs no key; KALSHI_API_URL points elsewhere (a proxy, a test server). */
export function kalshiBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.KALSHI_API_URL || 'https://api.elections.kalshi.com/trade-api/v2').replace(/\/+$/, '');
}

const DAY = 86_400;

/** A 404 means "not in this tier": markets settled before Kalshi's historical cutoff move to /historical. */
export async function getOr404(url: string, origin: { source: string; series: string }, http?: HttpOptions): Promise<unknown | undefined> {
  try {
    return await fetchJson(url, origin, http);
  } catch (e) {
    if (e instanceof IngestError && /^HTTP 404\b/.test(e.detail)) return undefined;
    throw e;
  }
}

export type KalshiTier = 'live' | 'historical';

export interface KalshiFetchOptions {
  baseUrl: string;
  http?: HttpOptions;
  now?: Date;
}

/**
 * One market: its description (GET /markets/{ticker}, or /historical/markets/{ticker} once it has
 * moved there) and its daily candlesticks from the same tier. Nothing is written here.
 */
export async function fetchKalshiMarket(ticker: string, opts: KalshiFetchOptions): Promise<SeriesBatch> {
  const id = kalshiSeriesId(ticker);
  const t = encodeURIComponent(ticker);
  let tier: KalshiTier = 'live';
  let body = await getOr404(`${opts.baseUrl}/markets/${t}`, { source: 'Kalshi /markets', series: id }, opts.http);
  if (body === undefined) {
    tier = 'historical';
    body = await getOr404(`${opts.baseUrl}/historical/markets/${t}`, { source: 'Kalshi /historical/markets', series: id }, opts.http);
    if (body === undefined)
      throw new IngestError('Kalshi /markets', id, undefined, `no market ${ticker} (HTTP 404 from /markets and /historical/markets); a market ticker looks like KXFEDDECISION-25SEP-H0`, 'REFUSED');
  }
  return fetchKalshiCandles(parseKalshiMarket(body, ticker), tier, opts);
}

/**
 * A market already described (by its own answer or a listing): its daily candlesticks from the
 * market's open to its close (or now), from the tier given; a live market that answers 404 there has
 * just moved to the historical tier, which is asked next.
 */
export async function fetchKalshiCandles(market: KalshiMarket, tier: KalshiTier, opts: KalshiFetchOptions): Promise<SeriesBatch> {
  const id = kalshiSeriesId(market.ticker);
  const t = encodeURIComponent(market.ticker);
  const nowTs = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const start = Math.floor(Date.parse(market.openTime) / 1000);
  const end = Math.min(nowTs, Math.floor(Date.parse(market.closeTime) / 1000) + DAY);
  const q = `start_ts=${start}&end_ts=${Math.max(start, end)}&period_interval=1440`;
  const live = `${opts.baseUrl}/series/${encodeURIComponent(market.seriesTicker)}/markets/${t}/candlesticks?${q}`;
  const historical = `${opts.baseUrl}/historical/markets/${t}/candlesticks?${q}`;
  const origin = { source: 'Kalshi /candlesticks', series: id };
  let candles = tier === 'live' ? await getOr404(live, origin, opts.http) : undefined;
  candles ??= await getOr404(historical, origin, opts.http);
  if (candles === undefined)
    throw new IngestError(
      'Kalshi /candlesticks',
      id,
      undefined,
      `no candlesticks for market ${market.ticker} (HTTP 404 from the ${tier === 'live' ? 'live and the historical tier' : 'historical tier'})`,
      'REFUSED',
    );
  return { meta: kalshiDescription(market), revisions: parseKalshiCandlesticks(candles, market.ticker) };
}
