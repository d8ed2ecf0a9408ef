// A period the source never published is a gap, not a longer period: October 2025 CPI. Expected
// values: test/graphql/reference/cpi_gap_reference.json, from cpi_gap_reference.py beside it
// (pandas, from the bundled CPIAUCSL vintage of 2026-04, whose 2025-10-01 cell is blank).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { mismatches } from '../indicators/helpers/data.js';
import ref from './reference/cpi_gap_reference.json' with { type: 'json' };

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function obs(args: string) {
  const res = await api.query(`{ series(id: "CPIAUCSL") { observations(${args}) { dates values missingPeriods } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.observations as { dates: string[]; values: (number | null)[]; missingPeriods: string[] };
}

async function indicator(args: string) {
  const res = await api.query(`{ indicator(${args}) { dates values meta } }`);
  expect(res.errors).toBeUndefined();
  return res.data.indicator as { dates: string[]; values: (number | null)[]; meta: Record<string, any> };
}

describe('October 2025 CPI, never published', () => {
  it('the bundled data hold the gap', () => {
    expect(ref.missing).toEqual(['2025-10-01']);
  });

  it.each(['PCT_CHANGE', 'CHANGE', 'LOG_RETURN'] as const)('%s across it is null, and missingPeriods names it', async (how) => {
    const got = await obs(`from: "${ref.from}", transform: ${how}`);
    expect(got.dates).toEqual(ref[how].dates);
    expect(mismatches(got.values, ref[how].values)).toEqual([]);
    expect(got.values[got.dates.indexOf('2025-11-01')]).toBeNull();
    expect(got.missingPeriods).toEqual(['2025-10-01']);
  });

  it('ANNUALIZED compounds the two-month change over its true span: 1.52 %, not 3.07 %', async () => {
    const got = await obs(`from: "${ref.from}", transform: ANNUALIZED`);
    expect(mismatches(got.values, ref.ANNUALIZED.values)).toEqual([]);
    const nov = got.values[got.dates.indexOf('2025-11-01')]!;
    expect(nov).toBeCloseTo(0.0152, 4);
    expect(ref.ANNUALIZED_bridged_12th_power).toBeCloseTo(0.0307, 4);
    expect(Math.abs(nov - ref.ANNUALIZED_bridged_12th_power)).toBeGreaterThan(0.01);
  });

  it('a range starting just after the gap still names it (the first change would be measured across it)', async () => {
    const change = await obs('from: "2025-11-01", transform: PCT_CHANGE');
    expect(change.values[0]).toBeNull();
    expect(change.missingPeriods).toEqual(['2025-10-01']);
    expect((await obs('from: "2025-11-01"')).missingPeriods).toEqual([]);
    expect((await obs('from: "2025-07-01", to: "2025-09-01", transform: PCT_CHANGE')).missingPeriods).toEqual([]);
  });

  it('release: FIRST follows the same rule and names the same gap', async () => {
    const got = await obs(`from: "${ref.from}", transform: PCT_CHANGE, release: FIRST`);
    expect(got.values[got.dates.indexOf('2025-11-01')]).toBeNull();
    expect(got.missingPeriods).toEqual(['2025-10-01']);
  });

  it('converted to quarters, Q4 2025 lacks a month and is missing; its change is null and the quarter is named', async () => {
    const got = await obs('from: "2025-01-01", frequency: QUARTERLY, aggregation: MEAN, transform: PCT_CHANGE');
    expect(got.dates).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01']);
    expect(got.values[3]).toBeNull();
    expect(got.missingPeriods).toEqual(['2025-10-01']);
  });

  it('RETURNS: no return for November (its previous month is missing), meta names October', async () => {
    const got = await indicator(`name: RETURNS, inputs: ["CPIAUCSL"], from: "${ref.from}"`);
    expect(got.dates).toEqual(ref.RETURNS.dates);
    expect(mismatches(got.values, ref.RETURNS.values)).toEqual([]);
    expect(got.meta.missingPeriods).toEqual(['2025-10-01']);
  });

  it('VOLATILITY over 3 months: the windows holding the bridged change are null, as pandas', async () => {
    const got = await indicator(`name: VOLATILITY, inputs: ["CPIAUCSL"], window: 3, from: "${ref.from}"`);
    expect(got.dates).toEqual(ref.VOLATILITY_3.dates);
    expect(mismatches(got.values, ref.VOLATILITY_3.values)).toEqual([]);
    expect(got.meta.missingPeriods).toEqual(['2025-10-01']);
  });

  it('daily data owe no period: a holiday is bridged and nothing is named', async () => {
    const res = await api.query('{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-10", transform: PCT_CHANGE) { dates values missingPeriods } } }');
    const got = res.data.series.observations;
    expect(got.dates).not.toContain('2024-07-04');
    expect(got.values[got.dates.indexOf('2024-07-05')]).not.toBeNull();
    expect(got.missingPeriods).toEqual([]);
    expect((await indicator('name: RETURNS, inputs: ["RUT"], from: "2024-07-01", to: "2024-07-10"')).meta.missingPeriods).toBeUndefined();
  });
});
