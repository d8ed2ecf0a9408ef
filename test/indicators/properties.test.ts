// Property tests (fast-check): invariants, and equality with a naive O(n·window) recomputation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rollingBeta, rollingCorrelation, rollingMean, rollingStd, rollingVolatility, rollingZScore } from '../../api/indicators/rolling.js';
import { rollingPercentileRank } from '../../api/indicators/rolling-percentile.js';
import { cutProbabilities } from '../../api/indicators/fedwatch.js';
import { fomcDecisionDates } from '../../api/indicators/fomc-calendar.js';

// Market data never holds subnormal numbers; values below 1e-9 in size are taken as 0.
const value = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-9 ? 0 : x));
const maybe = fc.option(value, { freq: 8, nil: null });
const series = (min: number) => fc.array(maybe, { minLength: min, maxLength: 80 });
const pair = fc
  .integer({ min: 2, max: 10 })
  .chain((w) => fc.integer({ min: w, max: 60 }).chain((n) => fc.tuple(fc.constant(w), fc.array(maybe, { minLength: n, maxLength: n }), fc.array(maybe, { minLength: n, maxLength: n }))));

/** Direct two-pass statistics over each window, by the definition: a window is the last `w`
 * positions (fewer at the start), its valid points are those where both inputs have a value, and it
 * has a value only with at least `min` valid points (default: w). */
function naive(xs: (number | null)[], ys: (number | null)[], w: number, f: (x: number[], y: number[], cur: number | null) => number | null, min = w) {
  return xs.map((_, i) => {
    const lo = Math.max(0, i - w + 1);
    const x: number[] = [];
    const y: number[] = [];
    for (let j = lo; j <= i; j++) {
      if (xs[j] !== null && ys[j] !== null) {
        x.push(xs[j] as number);
        y.push(ys[j] as number);
      }
    }
    if (x.length < min) return null;
    return f(x, y, xs[i] !== null && ys[i] !== null ? (xs[i] as number) : null);
  });
}
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const cov = (a: number[], b: number[]) => {
  const ma = mean(a);
  const mb = mean(b);
  return a.reduce((s, x, i) => s + (x - ma) * (b[i] - mb), 0) / (a.length - 1);
};
const allSame = (v: number[]) => v.every((x) => x === v[0]);

function close(a: (number | null)[], b: (number | null)[], tol: number) {
  expect(a.map((v) => v === null)).toEqual(b.map((v) => v === null));
  a.forEach((v, i) => {
    if (v !== null) expect(Math.abs(v - (b[i] as number))).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i] as number)));
  });
}

describe('rolling statistics equal a naive recomputation', () => {
  it('mean, std, z-score, percentile rank', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 8 }), ([w, xs], cut) => {
        const min = Math.max(2, w - cut); // also fewer valid points than the window
        close(
          rollingMean(xs, w, min),
          naive(xs, xs, w, (x) => mean(x), min),
          1e-9,
        );
        close(
          rollingStd(xs, w, min),
          naive(xs, xs, w, (x) => (allSame(x) ? 0 : Math.sqrt(cov(x, x))), min),
          1e-7,
        );
        const z = naive(xs, xs, w, (x, _y, cur) => (allSame(x) || cur === null ? null : (cur - mean(x)) / Math.sqrt(cov(x, x))), min);
        const gotZ = rollingZScore(xs, w, min);
        // Nearly constant windows make z ill-conditioned; compare where the spread is meaningful.
        gotZ.forEach((v, i) => {
          const sd = rollingStd(xs, w, min)[i];
          if (sd !== null && sd > 1e-6) expect(Math.abs((v as number) - (z[i] as number))).toBeLessThanOrEqual(1e-6);
        });
        // Mid-rank of ties: (below + (equal + 1) / 2) / n.
        const midRank = (x: number[], cur: number | null) => (cur === null ? null : (x.filter((v) => v < cur).length + (x.filter((v) => v === cur).length + 1) / 2) / x.length);
        close(
          rollingPercentileRank(xs, w, min),
          naive(xs, xs, w, (x, _y, cur) => midRank(x, cur), min),
          1e-12,
        );
      }),
    );
  });

  it('a flat window ranks at its middle, (n + 1) / 2n, not 1', () => {
    expect(rollingPercentileRank([4, 4, 4, 4], 4)[3]).toBe(5 / 8);
    expect(rollingPercentileRank([1, 2, 3, 3], 4)[3]).toBe((2 + 1.5) / 4);
  });

  it('correlation and beta', () => {
    fc.assert(
      fc.property(pair, ([w, xs, ys]) => {
        const corr = rollingCorrelation(xs, ys, w);
        const beta = rollingBeta(xs, ys, w);
        const nc = naive(xs, ys, w, (x, y) => (allSame(x) || allSame(y) ? null : cov(x, y) / Math.sqrt(cov(x, x) * cov(y, y))));
        const nb = naive(xs, ys, w, (x, y) => (allSame(y) ? null : cov(x, y) / cov(y, y)));
        const [sa, sb] = [rollingStd(xs, w), rollingStd(ys, w)];
        corr.forEach((v, i) => {
          // A window with a missing value is null in both; windows whose spread is lost in rounding
          // (values equal to ~15 digits) are ill-conditioned for any algorithm and are not compared.
          if (nc[i] === null && nb[i] === null && sa[i] === null) return expect([v, beta[i]]).toEqual([null, null]);
          if (sa[i]! > 1e-3 && sb[i]! > 1e-3) expect(Math.abs(v! - (nc[i] as number))).toBeLessThanOrEqual(1e-7);
          if (sb[i]! > 1e-3) expect(Math.abs(beta[i]! - (nb[i] as number))).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(nb[i]!)));
        });
      }),
    );
  });
});

describe('invariants', () => {
  it('correlation lies in [-1, 1] and is symmetric', () => {
    fc.assert(
      fc.property(pair, ([w, xs, ys]) => {
        const ab = rollingCorrelation(xs, ys, w);
        const ba = rollingCorrelation(ys, xs, w);
        const [sa, sb] = [rollingStd(xs, w), rollingStd(ys, w)];
        ab.forEach((v, i) => {
          if (v === null) return expect(ba[i]).toBeNull();
          expect(v).toBeGreaterThanOrEqual(-1);
          expect(v).toBeLessThanOrEqual(1);
          // Same formula, inputs swapped: equal up to rounding (the update order differs). Windows
          // whose values differ only in their last digits are too ill-conditioned to compare.
          if (sa[i]! > 1e-6 && sb[i]! > 1e-6) expect(Math.abs(v - (ba[i] as number))).toBeLessThanOrEqual(1e-9);
        });
      }),
    );
  });

  it('the beta of a series on itself is 1 wherever it varies', () => {
    fc.assert(
      fc.property(pair, ([w, xs]) => {
        const b = rollingBeta(xs, xs, w);
        const sd = rollingStd(xs, w);
        b.forEach((v, i) => {
          if (sd[i] !== null && sd[i]! > 0) expect(v).toBeCloseTo(1, 9);
          else expect(v).toBeNull();
        });
      }),
    );
  });

  it('the volatility of a constant series is exactly 0', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 2, max: 30 }), fc.integer({ min: 0, max: 30 }), (c, w, extra) => {
        const xs = new Array(w + extra).fill(c);
        const vol = rollingVolatility(xs, w, 'WEEKLY');
        expect(vol.slice(w - 1)).toEqual(new Array(extra + 1).fill(0));
        expect(vol.slice(0, w - 1).every((v) => v === null)).toBe(true);
      }),
    );
  });

  it('FedWatch probabilities are in [0, 1] and sum to 1 for any prices', () => {
    const meetings = fomcDecisionDates('2024-08-01', '2025-12-31');
    const price = fc.double({ min: 94, max: 99.5, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...meetings),
        fc.dictionary(fc.constantFrom('ZQQ24', 'ZQU24', 'ZQV24', 'ZQX24', 'ZQZ24', 'ZQF25', 'ZQG25', 'ZQH25', 'ZQJ25', 'ZQK25', 'ZQM25', 'ZQN25', 'ZQQ25', 'ZQU25', 'ZQV25', 'ZQX25', 'ZQZ25'), price),
        fc.double({ min: 0.25, max: 6, noNaN: true }),
        (meeting, prices, upper) => {
          let r;
          try {
            r = cutProbabilities({ meeting, asOf: '2024-07-31', price: (c) => prices[c] ?? null, targetUpper: upper, effectiveRate: upper - 0.17 });
          } catch {
            return; // no contract for the meeting month: a NO_DATA error, tested elsewhere
          }
          const total = r.outcomes.reduce((s, o) => s + o.probability, 0);
          expect(Math.abs(total - 1)).toBeLessThanOrEqual(1e-9);
          for (const o of r.outcomes) {
            expect(o.probability).toBeGreaterThanOrEqual(0);
            expect(o.probability).toBeLessThanOrEqual(1);
            expect(o.lowerBound).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe('rolling correlation over a long series with a wide window', () => {
  // Speed (linear in n, not n·w) is measured in the bench against the naive O(n·w) loop, not timed here.
  it('x against -x is exactly -1 at every full window of a 300,000-point series (window 10,000)', () => {
    const xs = Array.from({ length: 300_000 }, (_, i) => Math.sin(i) * 100);
    const out = rollingCorrelation(
      xs,
      xs.map((x) => -x),
      10_000,
    );
    expect(out.slice(0, 9_999).every((v) => v === null)).toBe(true);
    for (let i = 9_999; i < out.length; i += 997) expect(out[i]).toBeCloseTo(-1, 9);
    expect(out[out.length - 1]).toBeCloseTo(-1, 9);
  });
});
