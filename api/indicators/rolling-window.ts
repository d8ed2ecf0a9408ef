// The one sliding-window loop behind mean, std, volatility, correlation, beta and z-score.
//
// Null rule: a window that contains a missing value (null or non-finite) in either input yields
// null; the statistic resumes once `window` consecutive complete points are available again.
// Warm-up positions (fewer than `window` points so far) are null.
//
// Cost: O(n). Each point enters and leaves the moments once. Two rebuilds from the window keep
// floating-point error in check: every `window` steps (drift over long series; O(window) work per
// `window` points), and whenever removing a point shrinks a sum of squares a millionfold (a large
// value leaving a window of small ones, where the subtraction would cancel most digits). The
// second kind needs each leaving value to dwarf the rest of its window, which finite doubles
// allow only a bounded number of times in a row, so the total stays linear.
import type { Values } from './columns.js';
import { isPresent } from './columns.js';
import { PairMoments } from './moments.js';
import { assertSameLength, assertWindow } from './validate.js';

/** What a statistic sees for one complete window: the moments, the current point and flags for
 * windows in which every x (or every y) is identical, so variances are exactly zero there. */
export interface WindowState {
  m: PairMoments;
  x: number;
  y: number;
  constantX: boolean;
  constantY: boolean;
}

export function rollingPair(
  xs: Values,
  ys: Values,
  window: number,
  stat: (s: WindowState) => number | null,
): (number | null)[] {
  assertSameLength('inputs', xs, ys);
  assertWindow(window, xs.length);
  const n = xs.length;
  const out: (number | null)[] = new Array(n).fill(null);
  const m = new PairMoments();
  const ok = (i: number) => isPresent(xs[i]) && isPresent(ys[i]);
  let missing = 0; // missing points inside the current window
  let sinceRebuild = 0;
  let runX = 0; // length of the current run of equal x values (resets on a missing value)
  let runY = 0;
  for (let i = 0; i < n; i++) {
    if (ok(i)) {
      const x = xs[i] as number;
      const y = ys[i] as number;
      m.add(x, y);
      runX = i > 0 && ok(i - 1) && xs[i - 1] === x ? runX + 1 : 1;
      runY = i > 0 && ok(i - 1) && ys[i - 1] === y ? runY + 1 : 1;
    } else {
      missing += 1;
      runX = runY = 0;
    }
    const leaving = i - window;
    if (leaving >= 0) {
      if (ok(leaving)) {
        const [bx, by] = [m.m2x, m.m2y];
        m.remove(xs[leaving] as number, ys[leaving] as number);
        if (m.m2x < bx * SHRINK || m.m2y < by * SHRINK) sinceRebuild = window;
      } else missing -= 1;
    }
    if (++sinceRebuild >= window && i >= window - 1) {
      rebuild(m, xs, ys, i - window + 1, i);
      sinceRebuild = 0;
    }
    if (i >= window - 1 && missing === 0) {
      out[i] = stat({ m, x: xs[i] as number, y: ys[i] as number, constantX: runX >= window, constantY: runY >= window });
    }
  }
  return out;
}

const SHRINK = 1e-6;

function rebuild(m: PairMoments, xs: Values, ys: Values, from: number, to: number): void {
  m.reset();
  for (let j = from; j <= to; j++) {
    const [x, y] = [xs[j], ys[j]];
    if (isPresent(x) && isPresent(y)) m.add(x, y);
  }
}
