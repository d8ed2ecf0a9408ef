import { fail, type Origin } from '../errors.js';
import { asObject, kalshiMarketFrom, kalshiSeriesId, text, type KalshiMarket, type Obj } from './kalshi-parser.js';

/** One event of a series as GET /events lists it. */
export interface KalshiEvent {
  eventTicker: string;
  /** When the event resolves (`strike_date`), if Kalshi gives it. */
  strikeDate?: string;
  /**
   * Its markets (with_nested_markets=true). Absent when Kalshi has moved them to its historical
   * tier: the event is still listed, its markets are then read from GET /historical/markets.
   */
  markets?: KalshiMarket[];
}

/** A page of a listing and the cursor of the next one (undefined on the last page). */
export interface KalshiPage<T> {
  items: T[];
  cursor?: string;
}

function cursorOf(origin: Origin, o: Obj): string | undefined {
  const c = o.cursor;
  if (c === undefined || c === null || c === '') return undefined;
  if (typeof c !== 'string') fail(origin, undefined, `field "cursor" is ${JSON.stringify(c)}, not a string`);
  return c;
}

function marketsOf(origin: Origin, list: unknown, eventTicker: string | undefined, where: string): KalshiMarket[] {
  if (!Array.isArray(list)) fail(origin, undefined, `${where} is not an array`);
  return list.map((item, i) => {
    const m = asObject(origin, item, `market ${i + 1} of ${where}`);
    const ticker = text(origin, m, 'ticker', i + 1);
    const market = kalshiMarketFrom({ source: origin.source, series: kalshiSeriesId(ticker) }, m, ticker);
    if (eventTicker !== undefined && market.eventTicker !== eventTicker) fail(origin, i + 1, `market ${ticker} belongs to event ${market.eventTicker}, not ${eventTicker}`);
    return market;
  });
}

/** `{ events: [...], cursor }` from GET /events?series_ticker=S&with_nested_markets=true, checked against S. */
export function parseKalshiEventsPage(body: unknown, seriesTicker: string): KalshiPage<KalshiEvent> {
  const origin: Origin = { source: 'Kalshi /events', series: kalshiSeriesId(seriesTicker) };
  const obj = asObject(origin, body, 'the response');
  if (!Array.isArray(obj.events)) fail(origin, undefined, 'field "events" is missing or not an array');
  const items = (obj.events as unknown[]).map((e, i): KalshiEvent => {
    const ev = asObject(origin, e, `event ${i + 1}`);
    const eventTicker = text(origin, ev, 'event_ticker', i + 1);
    const series = text(origin, ev, 'series_ticker', i + 1);
    if (series !== seriesTicker) fail(origin, i + 1, `event ${eventTicker} is of series ${series}, not ${seriesTicker}`);
    const strike = typeof ev.strike_date === 'string' && !Number.isNaN(Date.parse(ev.strike_date)) ? ev.strike_date : undefined;
    return {
      eventTicker,
      ...(strike ? { strikeDate: strike } : {}),
      ...(ev.markets === undefined || ev.markets === null ? {} : { markets: marketsOf(origin, ev.markets, eventTicker, `"markets" of event ${eventTicker}`) }),
    };
  });
  return { items, cursor: cursorOf(origin, obj) };
}

/** `{ markets: [...], cursor }` from GET /historical/markets?event_ticker=E, checked against E. */
export function parseKalshiMarketsPage(body: unknown, eventTicker: string): KalshiPage<KalshiMarket> {
  const origin: Origin = { source: 'Kalshi /historical/markets', series: eventTicker };
  const obj = asObject(origin, body, 'the response');
  if (obj.markets === undefined) fail(origin, undefined, 'field "markets" is missing');
  return { items: marketsOf(origin, obj.markets, eventTicker, 'field "markets"'), cursor: cursorOf(origin, obj) };
}
