// RELATIVE_VOL: rolling std of a's per-period changes over that of b's, on the positions both have.
// The inputs are already changes on the dates both series share (the service aligns the levels,
// then turns each into log returns or basis-point changes by its unit); the annualisation factor
// cancels in the ratio, so the frequency only labels the result.
import type { Values } from './columns.js';
import { rollingStdRatio } from './rolling.js';

export function relativeVolatility(a: Values, b: Values, window: number, minObservations = window): (number | null)[] {
  return rollingStdRatio(a, b, window, minObservations);
}
