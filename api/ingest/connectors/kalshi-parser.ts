import type { Revision } from '../../series/types.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesDescription } from '../types.js';

export type Obj = Record<string, unknown>;

/** What Tide keeps of a Kalshi market object (GET /markets/{ticker} or /historical/markets/{ticker}). */
export interface KalshiMarket {
  ticker: string;
  eventTicker: string;
  /** The series the market belongs to: the event ticker without its last segment (KXFEDDECISION-25SEP → KXFEDDECISION). */
  seriesTicker: string;
  title: string;
  yesSubTitle?: string;
  rulesPrimary: string;
  rulesSecondary?: string;
  status: string;
  /** "yes" or "no" once determined, else undefined. */
  result?: 'yes' | 'no' | 'scalar';
  /** The YES side's settlement value, 0-1, once determined. */
  settlementValue?: number;
  settlementTs?: string;
  openTime: string;
  closeTime: string;
}

/** Statuses after trading has stopped for good (Kalshi's lifecycle: ... closed, determined, disputed, amended, finalized; "settled" in older responses). */
const SETTLED = new Set(['determined', 'amended', 'finalized', 'settled']);

export const kalshiSeriesId = (ticker: string): string => `KALSHI:${ticker}`;

export function asObject(origin: Origin, v: unknown, what: string): Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) fail(origin, undefined, `${what} is not a JSON object`);
  return v as Obj;
}

export function text(origin: Origin, o: Obj, name: string, row?: number): string {
  const v = o[name];
  if (typeof v !== 'string') fail(origin, row, `field "${name}" is ${v === undefined ? 'missing' : `not a string (${JSON.stringify(v)})`}`);
  return v;
}

const optionalText = (o: Obj, name: string): string | undefined => (typeof o[name] === 'string' && o[name] !== '' ? (o[name] as string) : undefined);

function isoInstant(origin: Origin, o: Obj, name: string): string {
  const v = text(origin, o, name);
  if (Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) fail(origin, undefined, `field "${name}" is not an ISO date-time (${JSON.stringify(v)})`);
  return v;
}

/**
 * A price in any format Kalshi has served: `<name>_dollars`, a fixed-point string ("0.5600"); the
 * older `<name>`, integer cents (56); or `<name>` holding the fixed-point string (the historical
 * tier's 2026 candles: `"close": "0.0100"`). Each becomes a probability in [0, 1]; null means none
 * (no trade in the period); a value in no such form, or outside 0-1 / 0-100, is refused.
 */
export function priceField(origin: Origin, o: Obj, name: string, row?: number): number | null | undefined {
  const dollars = o[`${name}_dollars`];
  if (dollars !== undefined && dollars !== null) {
    const n = typeof dollars === 'string' && /^\d+(\.\d+)?$/.test(dollars.trim()) ? Number(dollars) : NaN;
    if (!(n >= 0 && n <= 1)) fail(origin, row, `"${name}_dollars" is ${JSON.stringify(dollars)}, not a dollar price string from "0.0000" to "1.0000"`);
    return n;
  }
  const cents = o[name];
  // a decimal point marks dollars; a bare "37" stays refused (cents must be a JSON number)
  if (typeof cents === 'string' && /^\s*\d+\.\d+\s*$/.test(cents)) {
    const n = Number(cents);
    if (!(n >= 0 && n <= 1)) fail(origin, row, `"${name}" is ${JSON.stringify(cents)}, not a dollar price string from "0.0000" to "1.0000"`);
    return n;
  }
  if (cents !== undefined && cents !== null) {
    if (typeof cents !== 'number' || !Number.isInteger(cents) || cents < 0 || cents > 100) fail(origin, row, `"${name}" is ${JSON.stringify(cents)}, not a price in whole cents from 0 to 100`);
    return cents / 100;
  }
  return dollars === null || cents === null ? null : undefined;
}

/** `{ market: {...} }` → the market, checked against the ticker asked for. */
export function parseKalshiMarket(body: unknown, ticker: string): KalshiMarket {
  const origin: Origin = { source: 'Kalshi /markets', series: kalshiSeriesId(ticker) };
  const m = asObject(origin, asObject(origin, body, 'the response').market, 'field "market"');
  const got = text(origin, m, 'ticker');
  if (got !== ticker) fail(origin, undefined, `the response describes market ${got}, not ${ticker}`);
  return kalshiMarketFrom(origin, m, ticker);
}

/** One market object as Kalshi serves it (alone, in a listing, or nested in an event). */
export function kalshiMarketFrom(origin: Origin, m: Obj, ticker: string): KalshiMarket {
  const eventTicker = text(origin, m, 'event_ticker');
  const parts = eventTicker.split('-');
  const result = optionalText(m, 'result');
  if (result !== undefined && !['yes', 'no', 'scalar'].includes(result)) fail(origin, undefined, `field "result" is ${JSON.stringify(result)}, not "yes", "no", "scalar" or ""`);
  const settlementValue = priceField(origin, m, 'settlement_value') ?? undefined;
  const title = optionalText(m, 'title') ?? text(origin, m, 'yes_sub_title');
  return {
    ticker,
    eventTicker,
    seriesTicker: parts.length > 1 ? parts.slice(0, -1).join('-') : eventTicker,
    title,
    yesSubTitle: optionalText(m, 'yes_sub_title'),
    rulesPrimary: text(origin, m, 'rules_primary'),
    rulesSecondary: optionalText(m, 'rules_secondary'),
    status: text(origin, m, 'status'),
    ...(result ? { result: result as KalshiMarket['result'] } : {}),
    ...(settlementValue !== undefined ? { settlementValue } : {}),
    ...(optionalText(m, 'settlement_ts') ? { settlementTs: optionalText(m, 'settlement_ts') } : {}),
    openTime: isoInstant(origin, m, 'open_time'),
    closeTime: isoInstant(origin, m, 'close_time'),
  };
}

export const isSettled = (m: KalshiMarket): boolean => SETTLED.has(m.status) || m.result === 'yes' || m.result === 'no';

const EASTERN = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The trading day a daily candle closes: Kalshi's daily candles end at midnight Eastern (04:00 or
 * 05:00 UTC), so the day is the New York date of the last second inside the candle.
 */
export const candleDay = (endPeriodTs: number): string => EASTERN.format(new Date((endPeriodTs - 1) * 1000));

/**
 * `{ ticker, candlesticks: [...] }` at period_interval=1440 → one closing YES price per day: the last
 * trade of the day (`price.close`), or on a day without trades the last trade before it
 * (`price.previous`), as a probability 0-1. Days before the first trade are left out. Each close
 * is known on its own day.
 */
export function parseKalshiCandlesticks(body: unknown, ticker: string): Revision[] {
  const origin: Origin = { source: 'Kalshi /candlesticks', series: kalshiSeriesId(ticker) };
  const obj = asObject(origin, body, 'the response');
  if (obj.ticker !== undefined && obj.ticker !== ticker) fail(origin, undefined, `the response holds candlesticks of ${String(obj.ticker)}, not ${ticker}`);
  if (!Array.isArray(obj.candlesticks)) fail(origin, undefined, 'field "candlesticks" is missing or not an array');
  const out: Revision[] = [];
  (obj.candlesticks as unknown[]).forEach((c, i) => {
    const row = i + 1;
    const candle = asObject(origin, c, `candlestick ${row}`);
    const ts = candle.end_period_ts;
    if (typeof ts !== 'number' || !Number.isInteger(ts) || ts <= 0) fail(origin, row, `"end_period_ts" is ${JSON.stringify(ts)}, not a Unix time in seconds`);
    if (candle.price === undefined) fail(origin, row, 'field "price" is missing');
    const price = asObject(origin, candle.price, `"price" of candlestick ${row}`);
    const value = priceField(origin, price, 'close', row) ?? priceField(origin, price, 'previous', row) ?? null;
    const date = candleDay(ts);
    const prev = out.at(-1)?.date;
    if (prev && date <= prev) fail(origin, row, `candle for ${date} comes after ${prev}; daily candles must be one per day, oldest first`);
    if (value !== null) out.push({ date, value, realtimeStart: date });
  });
  return out;
}

/** The catalog entry: title, rules and settlement, so a person sees what the probability is of. */
export function kalshiDescription(m: KalshiMarket): SeriesDescription {
  const settled = isSettled(m);
  const outcome = m.result === 'yes' || m.result === 'no' ? m.result.toUpperCase() : undefined;
  const settlement = settled
    ? `Settled${outcome ? ` ${outcome}` : ''}${m.settlementValue !== undefined ? ` (YES paid ${m.settlementValue.toFixed(2)})` : ''}${m.settlementTs ? ` on ${m.settlementTs.slice(0, 10)}` : ''}; no further prices.`
    : `Open (status ${m.status}); trading closes ${m.closeTime}.`;
  const subtitle = m.yesSubTitle && m.yesSubTitle !== m.title ? `: ${m.yesSubTitle}` : '';
  return {
    id: kalshiSeriesId(m.ticker),
    // a settled market has no further prices: it is never due again (series freshness)
    ...(settled ? { ended: (m.settlementTs ?? m.closeTime).slice(0, 10) } : {}),
    name: `${m.title}${subtitle}${settled ? ` [settled${outcome ? `: ${outcome}` : ''}]` : ''}`,
    unit: 'Probability (0-1): daily closing YES price',
    frequency: 'DAILY',
    source: { name: 'Kalshi', url: `https://kalshi.com/markets/${m.seriesTicker.toLowerCase()}`, sourceId: m.ticker },
    notes: [
      `Rules: ${m.rulesPrimary}${m.rulesSecondary ? ` ${m.rulesSecondary}` : ''}`,
      `Settlement: ${settlement}`,
      `Kalshi event ${m.eventTicker}, series ${m.seriesTicker}; market opened ${m.openTime}. Each value is the day's last traded YES price (Eastern day), or the last trade before it on a day without trades.`,
    ].join('\n'),
  };
}
