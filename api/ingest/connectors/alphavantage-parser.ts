import type { Revision } from '../../series/types.js';
import { isIsoDate } from '../../series/dates.js';
import { fail, type Origin } from '../errors.js';

/**
 * Alpha Vantage TIME_SERIES_DAILY JSON: `"Meta Data"` (`"2. Symbol"`, `"4. Output Size"`: "Compact"
 * or "Full size") and `"Time Series (Daily)"` mapping each day, newest first, to
 * `{"1. open", "2. high", "3. low", "4. close", "5. volume"}` as 4-decimal strings ("226.0000").
 * `4. close` is the close as traded (unadjusted); adjusted closes are a premium endpoint.
 * Refusals come back as HTTP 200 with one field instead of data; each gets its own error.
 */
export function parseAlphaVantageDaily(body: unknown, seriesId: string, symbol: string): Revision[] {
  const origin = { source: `Alpha Vantage ${symbol}`, series: seriesId };
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(origin, undefined, 'response is not a JSON object');
  const obj = body as Record<string, unknown>;
  refusal(origin, obj);
  const meta = obj['Meta Data'] as Record<string, unknown> | undefined;
  const answered = meta?.['2. Symbol'];
  if (typeof answered === 'string' && answered.toUpperCase() !== symbol.toUpperCase()) fail(origin, undefined, `"Meta Data" names symbol "${answered}", not the requested ${symbol}`);
  const series = obj['Time Series (Daily)'];
  if (!series || typeof series !== 'object')
    fail(
      origin,
      undefined,
      `field "Time Series (Daily)" is missing; the response has ${
        Object.keys(obj)
          .map((k) => `"${k}"`)
          .join(', ') || 'no fields'
      }`,
    );
  const entries = Object.entries(series as Record<string, Record<string, unknown>>);
  if (entries.length === 0) fail(origin, undefined, '"Time Series (Daily)" has no days');
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

/** The messages Alpha Vantage sends instead of data, each turned into an error a person can act on. */
function refusal(origin: Origin, obj: Record<string, unknown>): void {
  const text = ['Error Message', 'Information', 'Note'].map((k) => obj[k]).find((v): v is string => typeof v === 'string');
  if (text === undefined) return;
  if (/premium (feature|endpoint)/i.test(text) && /outputsize=full/i.test(text)) {
    fail(
      origin,
      undefined,
      `the full history (outputsize=full) needs a premium Alpha Vantage key; use "outputSize": "compact" (the last 100 trading days), which a daily run needs. Alpha Vantage said: ${text}`,
      'PREMIUM_REQUIRED',
    );
  }
  if (/premium (feature|endpoint)/i.test(text)) fail(origin, undefined, `this request needs a premium Alpha Vantage key. Alpha Vantage said: ${text}`, 'PREMIUM_REQUIRED');
  if (/rate limit|call frequency|requests per day|calls per (minute|day)/i.test(text)) {
    fail(
      origin,
      undefined,
      `Alpha Vantage rate limit reached (free keys: 25 requests a day); run again later or use another source. Alpha Vantage said: ${text.replace(/API key as \S+/i, 'API key as ***')}`,
      'RATE_LIMITED',
    );
  }
  if (/demo/i.test(text)) fail(origin, undefined, `the demo key only serves IBM; set ALPHAVANTAGE_API_KEY to your own key. Alpha Vantage said: ${text}`, 'REFUSED');
  fail(origin, undefined, `Alpha Vantage refused the request: ${text}`, 'REFUSED');
}
