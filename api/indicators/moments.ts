// What a rolling statistic reads about the valid points of one window; rolling-window.ts computes
// it. Used by every rolling statistic except the percentile rank.

export class PairMoments {
  /** Valid points in the window. */
  n = 0;
  meanX = 0;
  meanY = 0;
  /** Σ(x − meanX)², Σ(y − meanY)², Σ(x − meanX)(y − meanY) over the window's valid points. */
  m2x = 0;
  m2y = 0;
  cxy = 0;
}
