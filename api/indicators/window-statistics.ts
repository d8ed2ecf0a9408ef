// The statistics a rolling window yields, from the moments of its valid points (rolling-window.ts).
// One plain function over numbers rather than a callback per statistic: the window loop calls it
// directly, so the compiler inlines it and the loop allocates nothing and calls nothing per position.
// Sample statistics (divide by n − 1). NaN = undefined (the callers turn it into null).

export enum Statistic {
  Mean,
  /** Sample standard deviation, times `scale` (the annualisation factor for volatility, else 1). */
  Std,
  /** Pearson correlation; undefined when either input is constant over the window (0/0). */
  Correlation,
  /** cov(x, y) / var(y); undefined when y is constant over the window. */
  Beta,
  /** std(x) / std(y) on the positions both have; undefined when y is constant over the window. */
  StdRatio,
  /** (x − mean) / std over the window including the current point; undefined when the window is
   * constant or the current point is missing (x NaN). */
  ZScore,
}

/**
 * One window's statistic. `n` valid points with mean `meanX`, centred sums of squares `m2x`, `m2y`
 * and of products `cxy`; `x` the current point (NaN when it is not valid); `constantX`/`constantY`:
 * every valid x (y) in the window is identical, so its variance is exactly zero.
 */
export function windowStatistic(kind: Statistic, scale: number, n: number, meanX: number, m2x: number, m2y: number, cxy: number, x: number, constantX: boolean, constantY: boolean): number {
  switch (kind) {
    case Statistic.Mean:
      return meanX;
    case Statistic.Std:
      return constantX ? 0 : Math.sqrt(Math.max(0, m2x) / (n - 1)) * scale;
    case Statistic.Correlation: {
      if (constantX || constantY) return NaN;
      const denom = Math.sqrt(m2x * m2y);
      if (!(denom > 0)) return NaN;
      const r = cxy / denom;
      return r > 1 ? 1 : r < -1 ? -1 : r;
    }
    case Statistic.Beta:
      return constantY || !(m2y > 0) ? NaN : cxy / m2y;
    case Statistic.StdRatio:
      if (constantY || !(m2y > 0)) return NaN; // y flat over the window: ratio undefined
      return constantX ? 0 : Math.sqrt(Math.max(0, m2x) / m2y);
    case Statistic.ZScore: {
      const sd = constantX ? 0 : Math.sqrt(Math.max(0, m2x) / (n - 1));
      return sd > 0 ? (x - meanX) / sd : NaN;
    }
  }
}
