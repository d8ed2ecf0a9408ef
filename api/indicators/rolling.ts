// Rolling statistics over a trailing window of `window` observations that ends at (and includes)
// the current one. Sample statistics (divide by n − 1, n = the valid observations in the window).
// Null rules and `minObservations`: see rolling-window.ts.
import type { Frequency } from '../series/types.js';
import type { Values } from './columns.js';
import { annualisationFactor } from './frequency.js';
import { rollingPair, rollingPairTyped, type WindowState } from './rolling-window.js';

const varX = (s: WindowState) => (s.constantX ? 0 : Math.max(0, s.m.m2x) / (s.m.n - 1));

export function rollingMean(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, (s) => s.m.meanX, minObservations);
}

/** Sample standard deviation (n − 1). */
export function rollingStd(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, (s) => Math.sqrt(varX(s)), minObservations);
}

/** Annualised volatility of per-period changes: rolling sample std × sqrt(periods per year). */
export function rollingVolatility(changes: Values, window: number, frequency: Frequency, minObservations = window): (number | null)[] {
  const k = annualisationFactor(frequency);
  return rollingPair(changes, changes, window, (s) => Math.sqrt(varX(s)) * k, minObservations);
}

const correlationStat = (s: WindowState): number | null => {
  if (s.constantX || s.constantY) return null;
  const denom = Math.sqrt(s.m.m2x * s.m.m2y);
  if (!(denom > 0)) return null;
  return Math.min(1, Math.max(-1, s.m.cxy / denom));
};

/** Pearson correlation; null when either input is constant over the window (0/0). */
export function rollingCorrelation(a: Values, b: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, b, window, correlationStat, minObservations);
}

/** The same over typed arrays (NaN = missing, NaN out), for bulk work that must not box a million numbers. */
export function rollingCorrelationTyped(a: Float64Array, b: Float64Array, window: number, minObservations = window): Float64Array {
  return rollingPairTyped(a, b, window, correlationStat, minObservations);
}

/** Beta of `a` on the benchmark `b`: cov(a, b) / var(b); null when `b` is constant over the window. */
export function rollingBeta(a: Values, benchmark: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, benchmark, window, (s) => {
    if (s.constantY || !(s.m.m2y > 0)) return null;
    return s.m.cxy / s.m.m2y;
  }, minObservations);
}

/** Ratio of the rolling std of `a` to that of `b` on the positions both have (the annualisation cancels). */
export function rollingStdRatio(a: Values, b: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, b, window, (s) => {
    if (s.constantY || !(s.m.m2y > 0)) return null; // b flat over the window: ratio undefined
    return s.constantX ? 0 : Math.sqrt(Math.max(0, s.m.m2x) / s.m.m2y);
  }, minObservations);
}

/** (x − mean) / std over the window including the current point; null when the window is constant
 * or the current point is missing. */
export function rollingZScore(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, (s) => {
    const sd = Math.sqrt(varX(s));
    return sd > 0 ? (s.x - s.m.meanX) / sd : null;
  }, minObservations);
}
