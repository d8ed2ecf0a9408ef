// The rolling loop keeps running sums around an anchor and rebuilds them from the window when they
// drift or when the window's mean moves far from the anchor (api/indicators/rolling-window.ts). The
// short random series of properties.test.ts rarely reach a rebuild's edge cases; these series do:
// long, with level shifts across six orders of magnitude, spikes that leave windows of small
// values, constant stretches and missing values. Every window is compared with a direct two-pass
// computation over its valid points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollingCorrelation, rollingMean, rollingStd } from '../../api/indicators/rolling.js';

const LEVELS = [0, 1, -250, 1e3, 5e4, -3e5, 1e6];
const NOISE = [0, 1e-2, 1, 30];

/** Segments of (level, noise), each 1–120 points, with spikes and gaps. */
const segmented = fc
  .array(
    fc.record({
      level: fc.constantFrom(...LEVELS),
      noise: fc.constantFrom(...NOISE),
      length: fc.integer({ min: 1, max: 120 }),
      seed: fc.integer({ min: 1, max: 2 ** 30 }),
      spikeEvery: fc.integer({ min: 0, max: 40 }),
      gapEvery: fc.integer({ min: 0, max: 30 }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((segments) => {
    const out: (number | null)[] = [];
    for (const s of segments) {
      let seed = s.seed;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
      for (let i = 0; i < s.length; i++) {
        if (s.gapEvery && i % s.gapEvery === s.gapEvery - 1) out.push(null);
        else if (s.spikeEvery && i % s.spikeEvery === 0) out.push(s.level + 1e4 * (s.noise || 1) * rand());
        else out.push(s.level + s.noise * rand());
      }
    }
    return out;
  });

/** Two-pass mean, sample std and correlation of the valid pairs in each trailing window (null: fewer than `w`). */
function naive(xs: (number | null)[], ys: (number | null)[], w: number) {
  return xs.map((_, i) => {
    const x: number[] = [];
    const y: number[] = [];
    for (let j = Math.max(0, i - w + 1); j <= i; j++) {
      if (xs[j] !== null && ys[j] !== null) {
        x.push(xs[j] as number);
        y.push(ys[j] as number);
      }
    }
    if (x.length < w) return null;
    const mx = x.reduce((s, v) => s + v, 0) / x.length;
    const my = y.reduce((s, v) => s + v, 0) / y.length;
    let cxx = 0,
      cyy = 0,
      cxy = 0;
    for (let k = 0; k < x.length; k++) {
      cxx += (x[k] - mx) ** 2;
      cyy += (y[k] - my) ** 2;
      cxy += (x[k] - mx) * (y[k] - my);
    }
    const scaleX = Math.max(...x.map(Math.abs));
    const scaleY = Math.max(...y.map(Math.abs));
    return {
      mx,
      sx: Math.sqrt(cxx / (x.length - 1)),
      sy: Math.sqrt(cyy / (y.length - 1)),
      corr: cxy / Math.sqrt(cxx * cyy),
      scaleX,
      scaleY,
      constX: x.every((v) => v === x[0]),
      constY: y.every((v) => v === y[0]),
    };
  });
}

describe('rolling sums around an anchor equal a two-pass computation', () => {
  it('mean, std and correlation over level shifts, spikes, constant stretches and gaps', () => {
    fc.assert(
      fc.property(segmented, segmented, fc.integer({ min: 2, max: 60 }), (xs0, ys0, w) => {
        const n = Math.min(xs0.length, ys0.length);
        if (n < w) return;
        const xs = xs0.slice(0, n);
        const ys = ys0.slice(0, n);
        const want = naive(xs, ys, w);
        const mean = rollingMean(xs, w);
        const std = rollingStd(xs, w);
        const corr = rollingCorrelation(xs, ys, w);
        const wantStd = naive(xs, xs, w);
        want.forEach((v, i) => {
          const s = wantStd[i];
          if (s === null) {
            expect([mean[i], std[i]]).toEqual([null, null]);
          } else {
            // Relative to the values' size: a window of 1e6 ± 0.01 knows its spread to ~1e-10 at best.
            expect(Math.abs(mean[i]! - s.mx)).toBeLessThanOrEqual(1e-12 * s.scaleX + 1e-12);
            if (s.constX) expect(std[i]).toBe(0);
            else expect(Math.abs(std[i]! - s.sx)).toBeLessThanOrEqual(1e-7 * s.sx + 1e-10 * s.scaleX);
          }
          if (v === null) return expect(corr[i]).toBeNull();
          if (v.constX || v.constY) return expect(corr[i]).toBeNull();
          // Compare where each spread is meaningful against the values' size (else ill-conditioned for any method).
          if (v.sx > 1e-6 * v.scaleX && v.sy > 1e-6 * v.scaleY) expect(Math.abs(corr[i]! - v.corr)).toBeLessThanOrEqual(1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });
});
