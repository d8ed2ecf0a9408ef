// Rolling percentile rank: the share of the window's values that are ≤ the current value
// (the current value included), so the result lies in (0, 1]. A window with a missing value is null.
//
// Cost: O(n log n), not O(n): values are ranked once (a sort), and a Fenwick tree over those ranks
// counts how many window values are ≤ the current one in O(log n) per step.
import type { Values } from './columns.js';
import { isPresent } from './columns.js';
import { assertWindow } from './validate.js';

export function rollingPercentileRank(values: Values, window: number): (number | null)[] {
  assertWindow(window, values.length);
  const distinct = [...new Set(values.filter(isPresent))].sort((p, q) => p - q);
  const rankOf = new Map(distinct.map((v, i) => [v, i + 1] as const));
  const tree = new Fenwick(distinct.length);
  const out: (number | null)[] = new Array(values.length).fill(null);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isPresent(v)) tree.add(rankOf.get(v)!, 1);
    else missing += 1;
    const leaving = i - window;
    if (leaving >= 0) {
      const old = values[leaving];
      if (isPresent(old)) tree.add(rankOf.get(old)!, -1);
      else missing -= 1;
    }
    if (i >= window - 1 && missing === 0) out[i] = tree.prefix(rankOf.get(v as number)!) / window;
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
