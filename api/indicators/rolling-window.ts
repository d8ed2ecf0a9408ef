// The one sliding-window loop behind mean, std, volatility, correlation, beta and z-score.
//
// A window is the last `window` positions of the input, which is a series of observations (the
// services drop each series' missing values before computing changes, so a position is an
// observation, never a calendar slot). A position is valid when every input has a finite value
// there. Null rule: a window with fewer than `minObservations` valid positions (default: the
// window) yields null; the statistic uses the valid positions it has. At the start of the data a
// window holds the positions so far (pandas' rolling(window, min_periods=minObservations)).
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
import { assertMinObservations, assertSameLength, assertWindow } from './validate.js';

/** What a statistic sees for one window: the moments of its valid points, the current point and
 * flags for windows in which every valid x (or y) is identical, so variances are exactly zero there.
 * `x`/`y` are NaN when the current position itself is not valid. */
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

export function rollingPair(
  xs: Values,
  ys: Values,
  window: number,
  stat: (s: WindowState) => number | null,
  minObservations: number = window,
): (number | null)[] {
  assertSameLength('inputs', xs, ys);
  return toNullable(rollingPairTyped(toTyped(xs), xs === ys ? undefined : toTyped(ys), window, stat, minObservations));
}

/**
 * The loop itself over typed arrays (NaN = missing; `ys` omitted = the same series), returning NaN
 * where the statistic is undefined. It allocates only its output, so a million points cost a few
 * passes over memory rather than a million boxed numbers for the collector.
 */
export function rollingPairTyped(
  xs: Float64Array,
  ysIn: Float64Array | undefined,
  window: number,
  stat: (s: WindowState) => number | null,
  minObservations: number = window,
): Float64Array {
  const ys = ysIn ?? xs;
  assertWindow(window, xs.length);
  assertMinObservations(minObservations, window);
  const n = xs.length;
  const out = new Float64Array(n).fill(NaN);
  const m = new PairMoments();
  const state: WindowState = { m, x: 0, y: 0, constantX: false, constantY: false };
  let sinceRebuild = 0;
  // The latest valid point whose x differs from the previous valid point's x, and that previous
  // point's index: every valid x in the window is equal exactly when that previous point lies
  // before the window (the same for y).
  let lastValid = -1;
  let changeBeforeX = -1;
  let changeBeforeY = -1;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    const y = ys[i];
    const ok = x === x && y === y && x - x === 0 && y - y === 0; // finite, without a call
    if (ok) {
      m.add(x, y);
      if (lastValid >= 0) {
        if (xs[lastValid] !== x) changeBeforeX = lastValid;
        if (ys[lastValid] !== y) changeBeforeY = lastValid;
      }
      lastValid = i;
    }
    const start = Math.max(0, i - window + 1);
    const leaving = i - window;
    if (leaving >= 0) {
      const lx = xs[leaving];
      const ly = ys[leaving];
      if (lx - lx === 0 && ly - ly === 0) {
        const bx = m.m2x;
        const by = m.m2y;
        m.remove(lx, ly);
        if (m.m2x < bx * SHRINK || m.m2y < by * SHRINK) sinceRebuild = window;
      }
    }
    if (++sinceRebuild >= window) {
      rebuild(m, xs, ys, start, i);
      sinceRebuild = 0;
    }
    if (m.n >= minObservations) {
      state.x = ok ? x : NaN;
      state.y = ok ? y : NaN;
      state.constantX = changeBeforeX < start;
      state.constantY = changeBeforeY < start;
      const v = stat(state);
      if (v !== null && !Number.isNaN(v)) out[i] = v;
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
