// Every expected value in this file comes from pandas/numpy (test/indicators/reference/generate.py,
// run over the same data/real/ CSVs); the TypeScript code is compared with it to 1e-9 relative.
import { describe, expect, it } from 'vitest';
import { align } from '../../api/indicators/align.js';
import { differences, logReturns, simpleReturns } from '../../api/indicators/returns.js';
import { rollingBeta, rollingCorrelation, rollingMean, rollingStd, rollingVolatility, rollingZScore } from '../../api/indicators/rolling.js';
import { rollingPercentileRank } from '../../api/indicators/rolling-percentile.js';
import { relativeVolatility } from '../../api/indicators/relative-vol.js';
import { loadColumn, mismatches, reference } from './helpers/data.js';

const rut = loadColumn('rut_daily_yahoo.csv', 'Close');
const dgs2 = loadColumn('dgs2_daily_fred.csv', 'DGS2');
const nasdaq = loadColumn('nasdaqcom_daily_fred.csv', 'NASDAQCOM');

describe('rolling statistics against pandas', () => {
  it('20-day correlation of RUT returns with DGS2 daily changes, nulls around bond-market holidays', () => {
    const ref = reference('correlation_rut_dgs2_20');
    const j = align(rut, dgs2);
    expect(j.dates).toEqual(ref.dates);
    const got = rollingCorrelation(simpleReturns(j.a), differences(j.b), 20);
    expect(mismatches(got, ref.values)).toEqual([]);
    // Columbus Day 2024 (2024-10-14): equities traded, the bond market was shut, so DGS2 is blank
    // and the changes on that day and the next are null, so the 20 windows that hold either are null.
    const k = j.dates.indexOf('2024-10-14');
    expect(j.b[k]).toBeNull();
    expect(got[k - 1]).not.toBeNull();
    expect(got.slice(k, k + 21).every((v) => v === null)).toBe(true);
  });

  it('one correlation over May–July 2024 (a window spanning the whole range)', () => {
    const ref = reference('correlation_rut_dgs2_may_jul_2024');
    const j = align(rut, dgs2);
    const [ra, db] = [simpleReturns(j.a), differences(j.b)];
    const i0 = j.dates.indexOf('2024-05-01');
    const i1 = j.dates.indexOf('2024-07-31');
    const n = i1 - i0 + 1;
    expect(n).toBe(ref.n);
    const got = rollingCorrelation(ra.slice(i0, i1 + 1), db.slice(i0, i1 + 1), n)[n - 1]!;
    expect(Math.abs(got - ref.value)).toBeLessThanOrEqual(1e-9 * Math.abs(ref.value));
  });

  it('60-day beta of RUT returns on NASDAQCOM returns', () => {
    const ref = reference('beta_rut_nasdaqcom_60');
    const j = align(rut, nasdaq);
    expect(j.dates).toEqual(ref.dates);
    expect(mismatches(rollingBeta(simpleReturns(j.a), simpleReturns(j.b), 60), ref.values)).toEqual([]);
  });

  it('20-day annualised volatility of NASDAQCOM log returns (sqrt 252)', () => {
    const ref = reference('volatility_nasdaqcom_20');
    const got = rollingVolatility(logReturns(nasdaq.values), 20, 'DAILY');
    expect(mismatches(got, ref.values)).toEqual([]);
    expect(got.filter((v) => v === null).length).toBe(ref.values.filter((v: unknown) => v === null).length);
  });

  it('20-day mean and sample std of RUT closes', () => {
    const ref = reference('mean_std_rut_20');
    expect(mismatches(rollingMean(rut.values, 20), ref.mean)).toEqual([]);
    expect(mismatches(rollingStd(rut.values, 20), ref.std)).toEqual([]);
  });

  it('20-day z-score of the DGS2 level', () => {
    const ref = reference('zscore_dgs2_20');
    expect(mismatches(rollingZScore(dgs2.values, 20), ref.values)).toEqual([]);
  });

  it('60-day percentile rank of the DGS2 level (share of window values <= current)', () => {
    const ref = reference('percentile_rank_dgs2_60');
    expect(mismatches(rollingPercentileRank(dgs2.values, 60), ref.values)).toEqual([]);
  });

  it('relative volatility of weekly RUT vs NASDAQCOM returns, 13 weeks', () => {
    const ref = reference('relative_vol_rut_nasdaqcom_weekly_13');
    const got = relativeVolatility(ref.inputs.a, ref.inputs.b, 13);
    expect(got.dates).toEqual(ref.dates);
    expect(mismatches(got.values, ref.values)).toEqual([]);
  });
});
