// Every expected value in this file comes from pandas/numpy (test/indicators/reference/generate.py,
// run over the same data/real/ CSVs); the TypeScript code is compared with it to 1e-9 relative.
// Alignment as the API does it: each series reduced to its own observations, pairs joined on the
// dates both have a value for, rates moving in basis points.
import { describe, expect, it } from 'vitest';
import { alignMany } from '../../api/indicators/align.js';
import { differences, logReturns, simpleReturns } from '../../api/indicators/returns.js';
import { rollingBeta, rollingCorrelation, rollingMean, rollingStd, rollingVolatility, rollingZScore } from '../../api/indicators/rolling.js';
import { rollingPercentileRank } from '../../api/indicators/rolling-percentile.js';
import { relativeVolatility } from '../../api/indicators/relative-vol.js';
import type { Columns } from '../../api/series/types.js';
import { loadColumn, mismatches, reference } from './helpers/data.js';

const rut = loadColumn('rut_daily_yahoo.csv', 'Close');
const dgs2 = loadColumn('dgs2_daily_fred.csv', 'DGS2');
const nasdaq = loadColumn('nasdaqcom_daily_fred.csv', 'NASDAQCOM');

const observed = (s: Columns) => {
  const j = alignMany([s], { dropMissing: true });
  return { dates: j.dates, values: j.values[0] };
};
const joined = (a: Columns, b: Columns) => {
  const j = alignMany([a, b], { dropMissing: true });
  return { dates: j.dates, a: j.values[0], b: j.values[1] };
};
const bp = (v: (number | null)[]) => differences(v).map((x) => (x === null ? null : 100 * x));

describe("rolling statistics against pandas, on each series' own observations", () => {
  it('20-day correlation of RUT returns with DGS2 changes: a bond-market holiday no longer blanks 20 windows', () => {
    const ref = reference('correlation_rut_dgs2_20');
    const j = joined(rut, dgs2);
    expect(j.dates).toEqual(ref.dates);
    const got = rollingCorrelation(simpleReturns(j.a), bp(j.b), 20);
    expect(mismatches(got, ref.values)).toEqual([]);
    // Columbus Day 2024 (2024-10-14): equities traded, DGS2 is blank; the day is skipped, and the
    // change to 10-15 spans the gap in both series.
    expect(j.dates).not.toContain('2024-10-14');
    expect(got[j.dates.indexOf('2024-10-15')]).not.toBeNull();
    expect(got.slice(20).every((v) => v !== null)).toBe(true);
  });

  it('250-day correlation of RUT with DGS2 has a value on every date after the first 250 changes', () => {
    const ref = reference('correlation_rut_dgs2_250');
    const j = joined(rut, dgs2);
    const got = rollingCorrelation(simpleReturns(j.a), bp(j.b), 250);
    expect(mismatches(got, ref.values)).toEqual([]);
    expect(got.filter((v) => v !== null).length).toBe(j.dates.length - 250);
  });

  it('one correlation over May–July 2024 (a window spanning the whole range)', () => {
    const ref = reference('correlation_rut_dgs2_may_jul_2024');
    const j = joined(rut, dgs2);
    const [ra, db] = [simpleReturns(j.a), bp(j.b)];
    const i0 = j.dates.indexOf('2024-05-01');
    const i1 = j.dates.indexOf('2024-07-31');
    const n = i1 - i0 + 1;
    expect(n).toBe(ref.n);
    const got = rollingCorrelation(ra.slice(i0, i1 + 1), db.slice(i0, i1 + 1), n)[n - 1]!;
    expect(Math.abs(got - ref.value)).toBeLessThanOrEqual(1e-9 * Math.abs(ref.value));
  });

  it('60-day beta of RUT returns on NASDAQCOM returns', () => {
    const ref = reference('beta_rut_nasdaqcom_60');
    const j = joined(rut, nasdaq);
    expect(j.dates).toEqual(ref.dates);
    expect(mismatches(rollingBeta(simpleReturns(j.a), simpleReturns(j.b), 60), ref.values)).toEqual([]);
  });

  it.each([
    ['volatility_nasdaqcom_20', 20, 20],
    ['volatility_nasdaqcom_250', 250, 250],
    ['volatility_nasdaqcom_250_min_60', 250, 60],
  ])('%s: annualised volatility of NASDAQCOM log returns, holidays skipped', (file, window, min) => {
    const ref = reference(file);
    const s = observed(nasdaq);
    expect(s.dates).toEqual(ref.dates);
    const got = rollingVolatility(logReturns(s.values), window, 'DAILY', min);
    expect(mismatches(got, ref.values)).toEqual([]);
    // The first value needs `min` returns, i.e. min + 1 prices.
    expect(got.findIndex((v) => v !== null)).toBe(min);
  });

  it('250-day NASDAQCOM volatility has a value on every date of 2023-06 … 2024-12 (it had none when holidays blanked windows)', () => {
    const ref = reference('volatility_nasdaqcom_250_coverage');
    const s = observed(nasdaq);
    const got = rollingVolatility(logReturns(s.values), 250, 'DAILY');
    const inSpan = got.filter((_, i) => s.dates[i] >= ref.from && s.dates[i] <= ref.to);
    expect(inSpan.length).toBe(ref.dates);
    expect(inSpan.filter((v) => v !== null).length).toBe(ref.withValue);
    expect(ref.withValue).toBe(ref.dates);
  });

  it('250-day volatility of DGS2 in basis points (its changes, not log returns of a yield)', () => {
    const ref = reference('volatility_dgs2_250_bp');
    const s = observed(dgs2);
    const got = rollingVolatility(bp(s.values), 250, 'DAILY');
    expect(mismatches(got, ref.values)).toEqual([]);
    expect(got[got.length - 1]).toBeCloseTo(97.88, 2);
  });

  it('NASDAQCOM returns span the 2024-07-04 holiday: 07-05 is measured from 07-03', () => {
    const ref = reference('returns_nasdaqcom');
    const s = observed(nasdaq);
    const got = simpleReturns(s.values);
    expect(mismatches(got, ref.values)).toEqual([]);
    const k = s.dates.indexOf('2024-07-05');
    expect(s.dates[k - 1]).toBe('2024-07-03');
    expect(got[k]).toBeCloseTo(0.009042, 6);
  });

  it('20-day mean and sample std of RUT closes', () => {
    const ref = reference('mean_std_rut_20');
    expect(mismatches(rollingMean(rut.values, 20), ref.mean)).toEqual([]);
    expect(mismatches(rollingStd(rut.values, 20), ref.std)).toEqual([]);
  });

  it('20-day z-score of DGS2 daily changes in bp', () => {
    const ref = reference('zscore_dgs2_20');
    expect(mismatches(rollingZScore(bp(observed(dgs2).values), 20), ref.values)).toEqual([]);
  });

  it('60-day percentile rank of the DGS2 level, ties at their mid-rank (pandas method="average")', () => {
    const ref = reference('percentile_rank_dgs2_60');
    expect(mismatches(rollingPercentileRank(observed(dgs2).values, 60), ref.values)).toEqual([]);
  });

  it('relative volatility of weekly RUT vs NASDAQCOM log returns, 13 weeks', () => {
    const ref = reference('relative_vol_rut_nasdaqcom_weekly_13');
    const got = relativeVolatility(logReturns(ref.inputs.a.values), logReturns(ref.inputs.b.values), 13);
    expect(mismatches(got, ref.values)).toEqual([]);
  });
});
