import type { Revision } from '../../series/types.js';
import { isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';

/**
 * Alpha Vantage TIME_SERIES_DAILY JSON: `"Time Series (Daily)"` maps each day (newest first) to
 * `{"1. open", "2. high", "3. low", "4. close", "5. volume"}` strings. Errors and rate limits come
 * back as HTTP 200 with an "Error Message", "Note" or "Information" field.
 */
export function parseAlphaVantageDaily(body: unknown, seriesId: string, symbol: string): Revision[] {
  const origin = { source: `Alpha Vantage ${symbol}`, series: seriesId };
  if (!body || typeof body !== 'object') fail(origin, undefined, 'response is not a JSON object');
  const obj = body as Record<string, unknown>;
  for (const key of ['Error Message', 'Note', 'Information']) {
    if (typeof obj[key] === 'string') fail(origin, undefined, `Alpha Vantage answered instead of data: ${obj[key] as string}`);
  }
  const series = obj['Time Series (Daily)'];
  if (!series || typeof series !== 'object') fail(origin, undefined, 'field "Time Series (Daily)" is missing');
  const entries = Object.entries(series as Record<string, Record<string, unknown>>);
  const out = entries.map(([date, bar], i) => {
    const row = i + 1;
    if (!isIsoDate(date)) fail(origin, row, `date key "${date}" is not YYYY-MM-DD`);
    const raw = bar?.['4. close'];
    if (typeof raw !== 'string') fail(origin, row, `field "4. close" is missing on ${date}`);
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) fail(origin, row, `close "${raw}" on ${date} is not a number`);
    return { date, value, realtimeStart: date };
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : 1));
}
