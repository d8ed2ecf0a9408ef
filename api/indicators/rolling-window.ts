// The one sliding-window loop behind mean, std, volatility, correlation, beta and z-score.
//
// A window is the last `window` positions of the input, which is a series of observations (the
// services drop each series' missing values before computing changes, so a position is an
// observation, never a calendar slot). A position is valid when every input has a finite value
// there. Null rule: a window with fewer than `minObservations` valid positions (default: the
// window) yields null; the statistic uses the valid positions it has. At the start of the data a
// window holds the positions so far (pandas' rolling(window, min_periods=minObservations)).
//
// Cost: O(n). The loop keeps sums of (x − ax), (y − ay), their squares and their product, where
// (ax, ay) is an anchor: a valid point of the window when the sums were last rebuilt from it. A point
// entering or leaving is five adds and three multiplies, without a division; the centred sums
// (Σ(x − mean)² = Σd² − (Σd)²/n) take one division per position. Subtracting cancels digits in
// two ways, and each triggers a rebuild of the sums from the window at a new anchor:
// - drift: rounding error accumulates with every add and remove, so the sums are rebuilt every
//   `window` positions (O(window) work per `window` positions), and as soon as the sum of squares
//   falls a millionfold below the largest it has been since the last rebuild (a large value leaving
//   a window of small ones). That needs each leaving value to dwarf the rest of its window, which
//   finite doubles allow only a bounded number of times in a row, so the total stays linear;
// - distance: the window's mean has moved a thousand spreads from the anchor (Σd² dwarfs the centred
//   sum). Just after a rebuild this cannot hold: the anchor is a point of the window, so its distance
//   from the mean is at most the window's spread.
// A window whose valid values are all equal is anchored at that very value after its rebuild, so its
// centred sums are exactly zero. The property tests compare every window with a two-pass computation.
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
  // Anchored sums (above), in locals so the hot loop keeps them in registers.
  let count = 0, ax = 0, ay = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, peakX = 0, peakY = 0;
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
      const dx = x - ax;
      const dy = y - ay;
      count++;
      sx += dx;
      sy += dy;
      sxx += dx * dx;
      syy += dy * dy;
      sxy += dx * dy;
      if (sxx > peakX) peakX = sxx;
      if (syy > peakY) peakY = syy;
      if (lastValid >= 0) {
        if (xs[lastValid] !== x) changeBeforeX = lastValid;
        if (ys[lastValid] !== y) changeBeforeY = lastValid;
      }
      lastValid = i;
    }
    const start = i >= window ? i - window + 1 : 0;
    const leaving = i - window;
    if (leaving >= 0) {
      const lx = xs[leaving];
      const ly = ys[leaving];
      if (lx - lx === 0 && ly - ly === 0 && count <= 1) {
        // The window's last valid point leaves: start from exact zeros, not from rounding residue.
        count = 0;
        sx = sy = sxx = syy = sxy = 0;
      } else if (lx - lx === 0 && ly - ly === 0) {
        const dx = lx - ax;
        const dy = ly - ay;
        count--;
        sx -= dx;
        sy -= dy;
        sxx -= dx * dx;
        syy -= dy * dy;
        sxy -= dx * dy;
      }
    }
    let inv = count > 0 ? 1 / count : 0;
    let m2x = sxx - sx * sx * inv;
    let m2y = syy - sy * sy * inv;
    if (++sinceRebuild >= window || sxx < peakX * DRIFT || syy < peakY * DRIFT || m2x < sxx * DISTANCE || m2y < syy * DISTANCE) {
      // Rebuild at the window's latest valid point (lastValid is inside it whenever the window holds one).
      ax = lastValid >= start ? xs[lastValid] : 0;
      ay = lastValid >= start ? ys[lastValid] : 0;
      count = 0;
      sx = sy = sxx = syy = sxy = 0;
      for (let j = start; j <= i; j++) {
        const vx = xs[j];
        const vy = ys[j];
        if (vx - vx === 0 && vy - vy === 0) {
          const dx = vx - ax;
          const dy = vy - ay;
          count++;
          sx += dx;
          sy += dy;
          sxx += dx * dx;
          syy += dy * dy;
          sxy += dx * dy;
        }
      }
      peakX = sxx;
      peakY = syy;
      inv = count > 0 ? 1 / count : 0;
      m2x = sxx - sx * sx * inv;
      m2y = syy - sy * sy * inv;
      sinceRebuild = 0;
    }
    if (count >= minObservations) {
      m.n = count;
      m.meanX = ax + sx * inv;
      m.meanY = ay + sy * inv;
      m.m2x = m2x;
      m.m2y = m2y;
      m.cxy = sxy - sx * sy * inv;
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

/** Rebuild when the sums of squares fell this far below their peak since the last rebuild (drift). */
const DRIFT = 1e-6;
/** Rebuild when the centred sum of squares is this small a part of the anchored one (distance). */
const DISTANCE = 1e-6;
