// RELATIVE_VOL: rolling volatility of a's returns divided by rolling volatility of b's returns,
// on the dates both series share. Inputs are price levels already converted to the wanted
// frequency by the caller (weekly by default); returns here are simple returns of those levels.
// The annualisation factor cancels in the ratio, so the frequency only labels the result.
import type { Columns } from './columns.js';
import { align } from './align.js';
import { simpleReturns } from './returns.js';
import { rollingPair } from './rolling-window.js';

export interface RelativeVolResult {
  dates: string[];
  values: (number | null)[];
}

export function relativeVolatility(a: Columns, b: Columns, window: number): RelativeVolResult {
  const joined = align(a, b);
  const ra = simpleReturns(joined.a);
  const rb = simpleReturns(joined.b);
  const values = rollingPair(ra, rb, window, (s) => {
    if (s.constantY || !(s.m.m2y > 0)) return null; // b flat over the window: ratio undefined
    return s.constantX ? 0 : Math.sqrt(Math.max(0, s.m.m2x) / s.m.m2y);
  });
  return { dates: joined.dates, values };
}
