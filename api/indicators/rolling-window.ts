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
// (Σ(x − mean)² = Σd² − (Σd)²/n) multiply by 1/n, recomputed only when n changes (a gap). The
// statistic is a direct call (window-statistics.ts), so the loop allocates nothing but its output. Subtracting cancels digits in
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
import { assertSameLength, assertWindowOver } from './validate.js';
import { Statistic, windowStatistic } from './window-statistics.js';

export { Statistic };

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

export function rollingPair(xs: Values, ys: Values, window: number, stat: Statistic, minObservations: number = window, scale = 1): (number | null)[] {
  assertSameLength('inputs', xs, ys);
  return toNullable(rollingPairTyped(toTyped(xs), xs === ys ? undefined : toTyped(ys), window, stat, minObservations, scale));
}

/**
 * The loop itself over typed arrays (NaN = missing; `ys` omitted = the same series), returning NaN
 * where the statistic is undefined. It allocates only its output, so a million points cost a few
 * passes over memory rather than a million boxed numbers for the collector.
 */
export function rollingPairTyped(xs: Float64Array, ysIn: Float64Array | undefined, window: number, stat: Statistic, minObservations: number = window, scale = 1): Float64Array {
  const ys = ysIn ?? xs;
  assertWindowOver(window, minObservations, xs.length);
  const n = xs.length;
  const out = new Float64Array(n);
  // Anchored sums (above), in locals so the hot loop keeps them in registers.
  let count = 0,
    ax = 0,
    ay = 0,
    sx = 0,
    sy = 0,
    sxx = 0,
    syy = 0,
    sxy = 0,
    peakX = 0,
    peakY = 0;
  let sinceRebuild = 0;
  let invCount = 0;
  let inv = 0;
  // The latest valid point whose x differs from the previous valid point's x, and that previous
  // point's index: every valid x in the window is equal exactly when that previous point lies
  // before the window (the same for y).
  let lastValid = -1;
  let lastX = 0;
  let lastY = 0;
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
        if (lastX !== x) changeBeforeX = lastValid;
        if (lastY !== y) changeBeforeY = lastValid;
      }
      lastValid = i;
      lastX = x;
      lastY = y;
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
    // 1/count changes only when a gap enters or leaves the window: divide only then.
    if (count !== invCount) {
      invCount = count;
      inv = count > 0 ? 1 / count : 0;
    }
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
      invCount = count;
      inv = count > 0 ? 1 / count : 0;
      m2x = sxx - sx * sx * inv;
      m2y = syy - sy * sy * inv;
      sinceRebuild = 0;
    }
    out[i] = count >= minObservations ? windowStatistic(stat, scale, count, ax + sx * inv, m2x, m2y, sxy - sx * sy * inv, ok ? x : NaN, changeBeforeX < start, changeBeforeY < start) : NaN;
  }
  return out;
}

/** Rebuild when the sums of squares fell this far below their peak since the last rebuild (drift). */
const DRIFT = 1e-6;
/** Rebuild when the centred sum of squares is this small a part of the anchored one (distance). */
const DISTANCE = 1e-6;
