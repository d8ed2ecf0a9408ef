// Rolling statistics over a trailing window of `window` observations that ends at (and includes)
// the current one. Sample statistics (divide by n − 1, n = the valid observations in the window).
// Null rules and `minObservations`: see rolling-window.ts; the formulas: window-statistics.ts.
import type { Frequency } from '../series/types.js';
import type { Values } from './columns.js';
import { annualisationFactor } from './frequency.js';
import { rollingPair, rollingPairTyped, Statistic } from './rolling-window.js';

export function rollingMean(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, Statistic.Mean, minObservations);
}

/** Sample standard deviation (n − 1). */
export function rollingStd(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, Statistic.Std, minObservations);
}

/** Annualised volatility of per-period changes: rolling sample std × sqrt(periods per year). */
export function rollingVolatility(changes: Values, window: number, frequency: Frequency, minObservations = window): (number | null)[] {
  return rollingPair(changes, changes, window, Statistic.Std, minObservations, annualisationFactor(frequency));
}

/** Pearson correlation; null when either input is constant over the window (0/0). */
export function rollingCorrelation(a: Values, b: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, b, window, Statistic.Correlation, minObservations);
}

/** The same over typed arrays (NaN = missing, NaN out), for bulk work that must not box a million numbers. */
export function rollingCorrelationTyped(a: Float64Array, b: Float64Array, window: number, minObservations = window): Float64Array {
  return rollingPairTyped(a, b, window, Statistic.Correlation, minObservations);
}

/** Beta of `a` on the benchmark `b`: cov(a, b) / var(b); null when `b` is constant over the window. */
export function rollingBeta(a: Values, benchmark: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, benchmark, window, Statistic.Beta, minObservations);
}

/** Ratio of the rolling std of `a` to that of `b` on the positions both have (the annualisation cancels). */
export function rollingStdRatio(a: Values, b: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(a, b, window, Statistic.StdRatio, minObservations);
}

/** (x − mean) / std over the window including the current point; null when the window is constant
 * or the current point is missing. */
export function rollingZScore(values: Values, window: number, minObservations = window): (number | null)[] {
  return rollingPair(values, values, window, Statistic.ZScore, minObservations);
}
