import { IngestError, type Origin } from '../errors.js';
import { fetchJson } from '../http.js';
import { parseKalshiEventsPage, parseKalshiMarketsPage, type KalshiPage } from './kalshi-events-parser.js';
import { getOr404, type KalshiFetchOptions, type KalshiTier } from './kalshi-client.js';
import { kalshiSeriesId, type KalshiMarket } from './kalshi-parser.js';

/** A listing longer than this many pages is refused: no Kalshi series comes near it, a cursor loop would. */
export const MAX_PAGES = 20;

export interface DiscoveryOptions extends KalshiFetchOptions {
  /** Markets that closed more than this many days before now are not read again. */
  settledWithinDays: number;
  /** At most this many markets per series and run; the rest are named in a CAPPED error. */
  maxMarkets: number;
}

export interface DiscoveredMarket {
  market: KalshiMarket;
  /** Where its candlesticks are: markets listed nested in their event are live, the rest historical. */
  tier: KalshiTier;
}

export interface Discovery {
  markets: DiscoveredMarket[];
  /** Set when the cap left markets out: the coded error to report (the markets above are still read). */
  capped?: IngestError;
}

/**
 * Follows a cursor-paginated listing to its end, refusing a cursor that comes back (the listing would
 * never end) and a listing longer than MAX_PAGES.
 */
async function allPages<T>(url: (cursor?: string) => string, parse: (body: unknown) => KalshiPage<T>, origin: Origin, opts: KalshiFetchOptions): Promise<T[]> {
  const out: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 1; ; page++) {
    if (page > MAX_PAGES) throw new IngestError(origin.source, origin.series, undefined, `the listing runs past ${MAX_PAGES} pages; refusing to follow it further`);
    const { items, cursor: next } = parse(await fetchJson(url(cursor), origin, opts.http));
    out.push(...items);
    if (next === undefined) return out;
    if (seen.has(next)) throw new IngestError(origin.source, origin.series, undefined, `page ${page} gives back cursor ${JSON.stringify(next)}, already followed; the listing would never end`);
    seen.add(next);
    cursor = next;
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The markets of one Kalshi series worth reading now: every open market, and those closed within the
 * last `settledWithinDays` (their last prices and settlement), so a job naming the series keeps up
 * as Kalshi lists each new event (a Fed meeting, a CPI release) with no edit. One GET /events
 * listing (with nested markets, min_close_ts bounding it); an event listed without its markets has
 * had them moved to the historical tier and is read from GET /historical/markets. Soonest-closing
 * first, at most `maxMarkets`.
 */
export async function discoverKalshiSeries(seriesTicker: string, opts: DiscoveryOptions): Promise<Discovery> {
  const id = kalshiSeriesId(seriesTicker);
  const now = (opts.now ?? new Date()).getTime();
  const sinceMs = now - opts.settledWithinDays * 86_400_000;
  const since = Math.floor(sinceMs / 1000);
  const s = encodeURIComponent(seriesTicker);
  const events = await allPages(
    (c) => `${opts.baseUrl}/events?series_ticker=${s}&with_nested_markets=true&min_close_ts=${since}&limit=200${c ? `&cursor=${encodeURIComponent(c)}` : ''}`,
    (b) => parseKalshiEventsPage(b, seriesTicker),
    { source: 'Kalshi /events', series: id },
    opts,
  );
  if (events.length === 0) {
    const known = await getOr404(`${opts.baseUrl}/series/${s}`, { source: 'Kalshi /series', series: id }, opts.http);
    if (known === undefined)
      throw new IngestError('Kalshi /series', id, undefined, `no Kalshi series ${seriesTicker} (HTTP 404 from /series/${seriesTicker}); a series ticker looks like KXFEDDECISION`, 'REFUSED');
    throw new IngestError('Kalshi /events', id, undefined, `series ${seriesTicker} lists no event open or closed since ${day(sinceMs)}`, 'EMPTY');
  }

  const found = new Map<string, DiscoveredMarket>();
  // Kalshi's min_close_ts is a lower bound on an event's latest market; each market is held to it here too
  const recent = (m: KalshiMarket) => Date.parse(m.closeTime) >= sinceMs;
  for (const ev of events) {
    if (ev.markets) {
      for (const market of ev.markets) if (recent(market)) found.set(market.ticker, { market, tier: 'live' });
      continue;
    }
    if (ev.strikeDate && Date.parse(ev.strikeDate) < sinceMs) continue;
    const e = encodeURIComponent(ev.eventTicker);
    const archived = await allPages(
      (c) => `${opts.baseUrl}/historical/markets?event_ticker=${e}&limit=1000${c ? `&cursor=${encodeURIComponent(c)}` : ''}`,
      (b) => parseKalshiMarketsPage(b, ev.eventTicker),
      { source: 'Kalshi /historical/markets', series: id },
      opts,
    );
    for (const market of archived) if (recent(market) && !found.has(market.ticker)) found.set(market.ticker, { market, tier: 'historical' });
  }
  const all = [...found.values()].sort((a, b) => a.market.closeTime.localeCompare(b.market.closeTime) || a.market.ticker.localeCompare(b.market.ticker));
  if (all.length === 0) throw new IngestError('Kalshi /events', id, undefined, `series ${seriesTicker} lists ${events.length} event(s) but no market open or closed since ${day(sinceMs)}`, 'EMPTY');
  if (all.length <= opts.maxMarkets) return { markets: all };
  const kept = all.slice(0, opts.maxMarkets);
  const left = all.slice(opts.maxMarkets).map((d) => d.market.ticker);
  const capped = new IngestError(
    'Kalshi /events',
    id,
    undefined,
    `${all.length} markets open or closed since ${day(sinceMs)}, more than the cap of ${opts.maxMarkets}: read the ${opts.maxMarkets} closing soonest (through ${kept.at(-1)!.market.closeTime.slice(0, 10)}), left out ${left.length}: ${left.slice(0, 5).join(', ')}${left.length > 5 ? ', ...' : ''}. Raise "maxMarkets" to read them.`,
    'CAPPED',
  );
  return { markets: kept, capped };
}
