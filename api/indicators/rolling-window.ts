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

/** Missing values as NaN in a Float64Array: the form the hot loop reads and writes without boxing. */
export function toTyped(values: Values): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = isPresent(values[i]) ? (values[i] as number) : NaN;
  return out;
}

export function toNullable(values: Float64Array): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Number.isNaN(values[i]) ? null : values[i];
  return out;
}

export function rollingPair(xs: Values, ys: Values, window: number, stat: (s: WindowState) => number | null): (number | null)[] {
  assertSameLength('inputs', xs, ys);
  return toNullable(rollingPairTyped(toTyped(xs), xs === ys ? undefined : toTyped(ys), window, stat));
}

/**
 * The loop itself over typed arrays (NaN = missing; `ys` omitted = the same series), returning NaN
 * where the statistic is undefined. It allocates only its output, so a million points cost a few
 * passes over memory rather than a million boxed numbers for the collector.
 */
export function rollingPairTyped(xs: Float64Array, ysIn: Float64Array | undefined, window: number, stat: (s: WindowState) => number | null): Float64Array {
  const ys = ysIn ?? xs;
  assertWindow(window, xs.length);
  const n = xs.length;
  const out = new Float64Array(n).fill(NaN);
  const m = new PairMoments();
  const state: WindowState = { m, x: 0, y: 0, constantX: false, constantY: false };
  let missing = 0; // missing points inside the current window
  let sinceRebuild = 0;
  let runX = 0; // length of the current run of equal x values (resets on a missing value)
  let runY = 0;
  let prevOk = false;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    const ok = x === x && y === y && x - x === 0 && y - y === 0; // finite, without a call
    if (ok) {
      m.add(x, y);
      runX = prevOk && xs[i - 1] === x ? runX + 1 : 1;
      runY = prevOk && ys[i - 1] === y ? runY + 1 : 1;
    } else {
      missing += 1;
      runX = runY = 0;
    }
    prevOk = ok;
    const leaving = i - window;
    if (leaving >= 0) {
      const lx = xs[leaving];
      const ly = ys[leaving];
      if (lx - lx === 0 && ly - ly === 0) {
        const bx = m.m2x;
        const by = m.m2y;
        m.remove(lx, ly);
        if (m.m2x < bx * SHRINK || m.m2y < by * SHRINK) sinceRebuild = window;
      } else missing -= 1;
    }
    if (++sinceRebuild >= window && i >= window - 1) {
      rebuild(m, xs, ys, i - window + 1, i);
      sinceRebuild = 0;
    }
    if (i >= window - 1 && missing === 0) {
      state.x = x;
      state.y = y;
      state.constantX = runX >= window;
      state.constantY = runY >= window;
      const v = stat(state);
      if (v !== null) out[i] = v;
    }
  }
  return out;
}

const SHRINK = 1e-6;

function rebuild(m: PairMoments, xs: Float64Array, ys: Float64Array, from: number, to: number): void {
  m.reset();
  for (let j = from; j <= to; j++) {
    const x = xs[j];
    const y = ys[j];
    if (x - x === 0 && y - y === 0) m.add(x, y);
  }
}
