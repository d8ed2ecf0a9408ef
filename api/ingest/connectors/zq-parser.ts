// Barchart OnDemand getHistory (type=daily) for one ZQ contract → its settlements. Pure.
// Envelope {"status":{"code","message"},"results":[...]}; a daily row holds symbol, timestamp,
// tradingDay (YYYY-MM-DD), open, high, low, close, volume, openInterest. For a future, the daily
// close is the settlement. status.code 204 means no data for the symbol (not listed, or nothing in
// the range asked for).
import { isIsoDate } from '../../series/dates.js';
import type { Revision } from '../../series/types.js';
import { fail, type Origin } from '../errors.js';

export function parseBarchartHistory(body: unknown, contract: string): Revision[] | 'no data' {
  const origin: Origin = { source: 'Barchart getHistory', series: contract };
  const doc = body as { status?: { code?: unknown; message?: unknown }; results?: unknown };
  const code = doc?.status?.code;
  if (typeof code !== 'number') fail(origin, undefined, 'the answer has no status.code; it is not a getHistory response');
  if (code === 204) return 'no data';
  if (code !== 200) {
    const message = String(doc.status?.message ?? '');
    fail(
      origin,
      undefined,
      `Barchart refused the request: status ${code} "${message}"${code === 401 || code === 403 ? ' (check BARCHART_API_KEY and that the plan includes getHistory for CME futures)' : ''}`,
      'REFUSED',
    );
  }
  if (!Array.isArray(doc.results)) fail(origin, undefined, 'status 200 but "results" is not a list');
  const out: Revision[] = [];
  (doc.results as Record<string, unknown>[]).forEach((r, i) => {
    const row = i + 1;
    if (r?.symbol !== undefined && r.symbol !== contract) fail(origin, row, `row is for symbol "${String(r.symbol)}", not ${contract}`);
    const day = typeof r?.tradingDay === 'string' ? r.tradingDay : undefined;
    if (!day || !isIsoDate(day)) fail(origin, row, `tradingDay ${JSON.stringify(r?.tradingDay)} is not a YYYY-MM-DD day`);
    const close = r.close;
    if (typeof close !== 'number' || !Number.isFinite(close) || close < 80 || close > 101) {
      fail(origin, row, `close ${JSON.stringify(close)} on ${day} is not a ZQ settlement price (a number between 80 and 101)`);
    }
    const prev = out[out.length - 1]?.date;
    if (prev !== undefined && prev >= day) fail(origin, row, `tradingDay ${day} does not come after ${prev} (asked for order=asc)`);
    // a settlement is published on the evening of its trading day, so it is known on that day
    out.push({ date: day, value: close, realtimeStart: day });
  });
  return out;
}
