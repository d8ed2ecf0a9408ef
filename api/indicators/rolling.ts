// Rolling statistics over a trailing window of `window` points that ends at (and includes) the
// current point. Sample statistics (divide by n − 1). Null rules: see rolling-window.ts.
import type { Frequency } from '../series/types.js';
import type { Values } from './columns.js';
import { annualisationFactor } from './frequency.js';
import { rollingPair, rollingPairTyped, type WindowState } from './rolling-window.js';

const varX = (s: WindowState) => (s.constantX ? 0 : Math.max(0, s.m.m2x) / (s.m.n - 1));
const varY = (s: WindowState) => (s.constantY ? 0 : Math.max(0, s.m.m2y) / (s.m.n - 1));

export function rollingMean(values: Values, window: number): (number | null)[] {
  return rollingPair(values, values, window, (s) => (s.constantX ? s.x : s.m.meanX));
}

/** Sample standard deviation (n − 1). */
export function rollingStd(values: Values, window: number): (number | null)[] {
  return rollingPair(values, values, window, (s) => Math.sqrt(varX(s)));
}

/** Annualised volatility of per-period returns: rolling sample std × sqrt(periods per year). */
export function rollingVolatility(returns: Values, window: number, frequency: Frequency): (number | null)[] {
  const k = annualisationFactor(frequency);
  return rollingPair(returns, returns, window, (s) => Math.sqrt(varX(s)) * k);
}

const correlationStat = (s: WindowState): number | null => {
  if (s.constantX || s.constantY) return null;
  const denom = Math.sqrt(s.m.m2x * s.m.m2y);
  if (!(denom > 0)) return null;
  return Math.min(1, Math.max(-1, s.m.cxy / denom));
};

/** Pearson correlation; null when either input is constant over the window (0/0). */
export function rollingCorrelation(a: Values, b: Values, window: number): (number | null)[] {
  return rollingPair(a, b, window, correlationStat);
}

/** The same over typed arrays (NaN = missing, NaN out), for bulk work that must not box a million numbers. */
export function rollingCorrelationTyped(a: Float64Array, b: Float64Array, window: number): Float64Array {
  return rollingPairTyped(a, b, window, correlationStat);
}

/** Beta of `a` on the benchmark `b`: cov(a, b) / var(b); null when `b` is constant over the window. */
export function rollingBeta(a: Values, benchmark: Values, window: number): (number | null)[] {
  return rollingPair(a, benchmark, window, (s) => {
    if (s.constantY || !(s.m.m2y > 0)) return null;
    return s.m.cxy / s.m.m2y;
  });
}

/** (x − mean) / std over the window including the current point; null when the window is constant. */
export function rollingZScore(values: Values, window: number): (number | null)[] {
  return rollingPair(values, values, window, (s) => {
    const sd = Math.sqrt(varX(s));
    return sd > 0 ? (s.x - s.m.meanX) / sd : null;
  });
}
