// Rolling percentile rank of the current value among the window's valid values, ties at their
// mid-rank: (below + (equal + 1) / 2) / n, where n counts the window's valid values (the current one
// included), `below` those smaller and `equal` those equal to it. So a flat window ranks
// (n + 1) / (2n), about one half, not 1; the extremes of a window rank 1/n and 1. This is pandas'
// rolling(window).rank(method="average", pct=True). Null when the current value is missing or the
// window has fewer than `minObservations` valid values.
//
// Cost: O(n log n), not O(n): values are ranked once (a sort), and a Fenwick tree over those ranks
// counts how many window values are below or equal to the current one in O(log n) per step.
import type { Values } from './columns.js';
import { isPresent } from './columns.js';
import { assertWindowOver } from './validate.js';

export function rollingPercentileRank(values: Values, window: number, minObservations = window): (number | null)[] {
  assertWindowOver(window, minObservations, values.length);
  const distinct = [...new Set(values.filter(isPresent))].sort((p, q) => p - q);
  const rankOf = new Map(distinct.map((v, i) => [v, i + 1] as const));
  const tree = new Fenwick(distinct.length);
  const out: (number | null)[] = new Array(values.length).fill(null);
  let valid = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) {
      tree.add(rankOf.get(v)!, 1);
      valid += 1;
    }
    const leaving = i - window;
    if (leaving >= 0) {
      const old = values[leaving];
      if (isPresent(old)) {
        tree.add(rankOf.get(old)!, -1);
        valid -= 1;
      }
    }
    if (isPresent(v) && valid >= minObservations) {
      const r = rankOf.get(v)!;
      const atOrBelow = tree.prefix(r);
      const below = tree.prefix(r - 1);
      out[i] = (below + (atOrBelow - below + 1) / 2) / valid;
    }
  }
  return out;
}

/** Counts per rank with O(log n) update and prefix-sum query. */
class Fenwick {
  private readonly t: Int32Array;
  constructor(size: number) {
    this.t = new Int32Array(size + 1);
  }
  add(rank: number, delta: number): void {
    for (let i = rank; i < this.t.length; i += i & -i) this.t[i] += delta;
  }
  prefix(rank: number): number {
    let s = 0;
    for (let i = rank; i > 0; i -= i & -i) s += this.t[i];
    return s;
  }
}
