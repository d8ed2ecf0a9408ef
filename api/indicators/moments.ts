// Sliding-window co-moments of a pair (x, y), updated in O(1) per point with Welford-style add and
// remove steps. Used by every rolling statistic except the percentile rank.

export class PairMoments {
  n = 0;
  meanX = 0;
  meanY = 0;
  /** Σ(x − meanX)², Σ(y − meanY)², Σ(x − meanX)(y − meanY) over the points held. */
  m2x = 0;
  m2y = 0;
  cxy = 0;

  add(x: number, y: number): void {
    this.n += 1;
    const dx = x - this.meanX;
    const dy = y - this.meanY;
    this.meanX += dx / this.n;
    this.meanY += dy / this.n;
    this.m2x += dx * (x - this.meanX);
    this.m2y += dy * (y - this.meanY);
    this.cxy += dx * (y - this.meanY);
  }

  remove(x: number, y: number): void {
    if (this.n <= 1) {
      this.reset();
      return;
    }
    this.n -= 1;
    const dx = x - this.meanX;
    const dy = y - this.meanY;
    this.meanX -= dx / this.n;
    this.meanY -= dy / this.n;
    this.m2x -= dx * (x - this.meanX);
    this.m2y -= dy * (y - this.meanY);
    this.cxy -= dx * (y - this.meanY);
  }

  reset(): void {
    this.n = 0;
    this.meanX = this.meanY = this.m2x = this.m2y = this.cxy = 0;
  }
}
