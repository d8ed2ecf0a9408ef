// Indicators through GraphQL (real HTTP, dynalite, bundled data) against the pandas/numpy golden
// files in test/indicators/reference/ (generate.py), compared to 1e-9 relative. Each is asked for
// twice: over all the data, and over a sub-range (May–September 2024 mostly), where the first values in range
// must come from history read before `from` (the warm-up), not be left null.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { mismatches, reference } from '../indicators/helpers/data.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

interface Result {
  unit: string;
  dates: string[];
  values: (number | null)[];
  meta: Record<string, any>;
}

async function indicator(args: string): Promise<Result> {
  const res = await api.query(`{ indicator(${args}) { name inputs dates values unit meta } }`);
  expect(res.errors).toBeUndefined();
  return res.data.indicator;
}

/** The reference restricted to [from, to] (inclusive), as columns. */
function slice(ref: { dates: string[]; values: (number | null)[] }, from = '0000', to = '9999') {
  const keep = ref.dates.map((d) => d >= from && d <= to);
  return { dates: ref.dates.filter((_, i) => keep[i]), values: ref.values.filter((_, i) => keep[i]) };
}

// Ends on a Friday, so the last weekly period is complete.
const SPAN = { from: '2024-05-01', to: '2024-09-27' };

const cases: { name: string; file: string; args: string; span?: { from: string; to: string } }[] = [
  { name: '20-day correlation, RUT returns vs DGS2 changes in bp', file: 'correlation_rut_dgs2_20', args: 'name: CORRELATION, inputs: ["RUT", "DGS2"], window: 20' },
  {
    name: '250-day correlation, RUT returns vs DGS2 changes in bp',
    file: 'correlation_rut_dgs2_250',
    args: 'name: CORRELATION, inputs: ["RUT", "DGS2"], window: 250',
    span: { from: '2023-06-01', to: '2024-12-31' },
  },
  { name: '60-day beta of RUT on NASDAQCOM', file: 'beta_rut_nasdaqcom_60', args: 'name: BETA, inputs: ["RUT", "NASDAQCOM"], window: 60' },
  { name: '20-day volatility of NASDAQCOM (default window)', file: 'volatility_nasdaqcom_20', args: 'name: VOLATILITY, inputs: ["NASDAQCOM"]' },
  { name: '250-day volatility of NASDAQCOM', file: 'volatility_nasdaqcom_250', args: 'name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250', span: { from: '2023-06-01', to: '2024-12-31' } },
  {
    name: '250-day volatility of NASDAQCOM, 60 observations enough',
    file: 'volatility_nasdaqcom_250_min_60',
    args: 'name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250, minObservations: 60',
    span: { from: '2022-03-01', to: '2022-12-31' },
  },
  { name: '250-day volatility of DGS2 in basis points', file: 'volatility_dgs2_250_bp', args: 'name: VOLATILITY, inputs: ["DGS2"], window: 250', span: { from: '2024-01-01', to: '2024-12-31' } },
  { name: 'daily returns of NASDAQCOM across holidays', file: 'returns_nasdaqcom', args: 'name: RETURNS, inputs: ["NASDAQCOM"]' },
  { name: '20-day z-score of DGS2 changes', file: 'zscore_dgs2_20', args: 'name: ZSCORE, inputs: ["DGS2"], window: 20' },
  { name: '60-day mid-rank percentile of DGS2', file: 'percentile_rank_dgs2_60', args: 'name: PERCENTILE_RANK, inputs: ["DGS2"], window: 60' },
  { name: '13-week relative vol of RUT vs NASDAQCOM (weekly and 13 by default)', file: 'relative_vol_rut_nasdaqcom_weekly_13', args: 'name: RELATIVE_VOL, inputs: ["RUT", "NASDAQCOM"]' },
];

describe('rolling indicators through GraphQL equal pandas', () => {
  it.each(cases)('$name, all data', async ({ file, args }) => {
    const ref = reference(file);
    const got = await indicator(args);
    expect(got.dates).toEqual(ref.dates);
    expect(mismatches(got.values, ref.values)).toEqual([]);
    expect(got.values.filter((v) => v !== null).length).toBeGreaterThanOrEqual(ref.values.filter((v: number | null) => v !== null).length);
  });

  it.each(cases)('$name, a sub-range with the warm-up read before from', async ({ file, args, span = SPAN }) => {
    const ref = slice(reference(file), span.from, span.to);
    const got = await indicator(`${args}, from: "${span.from}", to: "${span.to}"`);
    expect(got.dates).toEqual(ref.dates);
    // pandas computed these over all the data, so a value left in warm-up would be a mismatch here.
    expect(mismatches(got.values, ref.values)).toEqual([]);
    expect(got.values.some((v) => v !== null)).toBe(true);
  });

  it('NASDAQCOM 250-day volatility has a value on every one of the 399 trading days of 2023-06 … 2024-12 (holidays skipped, not propagated)', async () => {
    const coverage = reference('volatility_nasdaqcom_250_coverage');
    const got = await indicator(`name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250, from: "${coverage.from}", to: "${coverage.to}"`);
    expect(got.dates.length).toBe(coverage.dates);
    expect(got.values.filter((v) => v !== null).length).toBe(coverage.withValue);
    expect(coverage.withValue).toBe(399);
  });

  it('the defaults are reported in meta: RELATIVE_VOL weekly over 13 weeks, VOLATILITY daily over 20 days', async () => {
    expect((await indicator('name: RELATIVE_VOL, inputs: ["RUT", "NASDAQCOM"], from: "2024-07-01"')).meta).toMatchObject({ frequency: 'WEEKLY', window: 13 });
    expect((await indicator('name: VOLATILITY, inputs: ["RUT"], from: "2024-07-01"')).meta).toMatchObject({ frequency: 'DAILY', window: 20, minObservations: 20, of: 'LOG_RETURNS', unit: 'fraction' });
  });

  it('correlation of daily RUT returns with daily DGS2 changes over May–July 2024 (one 63-day window) is −0.366', async () => {
    const ref = reference('correlation_rut_dgs2_may_jul_2024');
    const got = await indicator(`name: CORRELATION, inputs: ["RUT", "DGS2"], window: ${ref.n}, from: "2024-07-31", to: "2024-07-31"`);
    expect(got.dates).toEqual(['2024-07-31']);
    expect(Math.abs(got.values[0]! - ref.value)).toBeLessThanOrEqual(1e-9 * Math.abs(ref.value));
    expect(got.values[0]).toBeCloseTo(-0.366, 3);
    // DGS2 is quoted in percent, so it enters as changes in basis points; RUT as simple returns.
    expect(got.meta.of).toEqual({ RUT: { of: 'SIMPLE_RETURNS', unit: 'fraction' }, DGS2: { of: 'BP_CHANGES', unit: 'bp' } });
  });
});

describe('CHANGE, MAX_RUNUP and MAX_DRAWDOWN through GraphQL equal pandas', () => {
  it('CHANGE of RUT from Saturday 2024-07-06 to 2024-07-16 starts from the Friday close', async () => {
    const ref = reference('change_rut');
    const got = await indicator(`name: CHANGE, inputs: ["RUT"], from: "${ref.from}", to: "${ref.to}"`);
    expect(got.dates).toEqual([ref.endDate]);
    expect(got.values[0]).toBeCloseTo(ref.relative, 12);
    expect(got.unit).toBe('fraction');
    expect(got.meta).toMatchObject({ measure: 'RELATIVE', start: { date: ref.startDate, value: ref.startValue }, end: { date: ref.endDate, value: ref.endValue } });
    expect(got.meta.absolute).toBeCloseTo(ref.absolute, 9);
  });

  it('max run-up and drawdown of RUT after 2024-07-09, with the dates of their extremes', async () => {
    const ref = reference('runup_rut').since_2024_07_09;
    const up = await indicator(`name: MAX_RUNUP, inputs: ["RUT"], from: "${ref.from}", to: "${ref.to}"`);
    expect(up.values[0]).toBeCloseTo(ref.runup.value, 12);
    expect(up.dates).toEqual([ref.runup.toDate]);
    expect(up.meta).toMatchObject({ fromDate: ref.runup.fromDate, toDate: ref.runup.toDate });
    const down = await indicator(`name: MAX_DRAWDOWN, inputs: ["RUT"], from: "${ref.from}", to: "${ref.to}"`);
    expect(down.values[0]).toBeCloseTo(ref.drawdown.value, 12);
    expect(down.meta).toMatchObject({ fromDate: ref.drawdown.fromDate, toDate: ref.drawdown.toDate });
  });

  it('max run-up over the whole bundled history', async () => {
    const ref = reference('runup_rut').whole_2022_2024;
    const up = await indicator('name: MAX_RUNUP, inputs: ["RUT"]');
    expect(up.values[0]).toBeCloseTo(ref.runup.value, 12);
    expect(up.meta).toMatchObject({ fromDate: ref.runup.fromDate, toDate: ref.runup.toDate });
  });
});
