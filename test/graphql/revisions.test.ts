import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';
import ref from './reference/revisions_reference.json' with { type: 'json' };

// Revisions, first releases and what changed, from the bundled vintage files. Where each expected
// number comes from:
// - CPIAUCSL: data/real/cpiaucsl_monthly_fred_vintage_{2024-12,2026-01,2026-04}.csv. Values are dated
//   by the BLS release of their month (data/calendars/cpi_release_dates.csv: June 2024 → 2024-07-11)
//   or by the seasonal revision that produced them (2025-02-12, 2026-02-13; data/catalog.json).
// - A191RL1Q225SBEA: data/real/gdp_2024q1q2_release_vintages_bea.csv (BEA estimates with their release
//   dates) and a191rl1q225sbea_quarterly_fred_vintage_2026-04.csv (dated 2025-09-25, the 2025 annual update).
// - Growth computed from GDPC1 levels and other arithmetic: reference/revisions_reference.py (pandas).

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function data(query: string) {
  const res = await api.query(query);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function failure(query: string) {
  const res = await api.query(query);
  expect(res.errors).toHaveLength(1);
  // the failing field alone is null (it is nullable); the series around it keeps its data
  const path = (res.errors![0] as { path?: (string | number)[] }).path ?? [];
  expect(path[0]).toBe('series');
  expect(path.reduce<any>((at, key) => at?.[key], res.data)).toBeNull();
  expect(res.data?.series).not.toBeNull();
  return res.errors![0];
}

const value = (file: string, column: string, date: string) => sourceColumn(file, column).find(([d]) => d === date)![1];

describe('Series.revisions', () => {
  it('CPIAUCSL June 2024: first print 313.049 (2024-07-11), 313.131 after the 2025 seasonal revision, 313.044 after 2026', async () => {
    // The cited numbers are the files' own.
    expect(value('cpiaucsl_monthly_fred_vintage_2024-12.csv', 'CPIAUCSL', '2024-06-01')).toBe(313.049);
    expect(value('cpiaucsl_monthly_fred_vintage_2026-01.csv', 'CPIAUCSL', '2024-06-01')).toBe(313.131);
    expect(value('cpiaucsl_monthly_fred_vintage_2026-04.csv', 'CPIAUCSL', '2024-06-01')).toBe(313.044);
    const d = await data('{ series(id: "CPIAUCSL") { revisions(date: "2024-06-01") { date value realtimeStart } } }');
    expect(d.series.revisions).toEqual([
      { date: '2024-06-01', value: 313.049, realtimeStart: '2024-07-11' },
      { date: '2024-06-01', value: 313.131, realtimeStart: '2025-02-12' },
      { date: '2024-06-01', value: 313.044, realtimeStart: '2026-02-13' },
    ]);
  });

  it('with asOf, only the values published by then', async () => {
    const d = await data('{ series(id: "CPIAUCSL") { revisions(date: "2024-06-01", asOf: "2025-12-31") { value realtimeStart } } }');
    expect(d.series.revisions).toEqual([
      { value: 313.049, realtimeStart: '2024-07-11' },
      { value: 313.131, realtimeStart: '2025-02-12' },
    ]);
  });

  it('GDP growth 2024Q2: advance 2.8, second 3.0 (the third restated 3.0, so it is no revision), 3.6 since the 2025 annual update', async () => {
    const d = await data('{ series(id: "A191RL1Q225SBEA") { q1: revisions(date: "2024-01-01") { value realtimeStart } q2: revisions(date: "2024-04-01") { value realtimeStart } } }');
    expect(d.series.q2).toEqual([
      { value: 2.8, realtimeStart: '2024-07-25' },
      { value: 3.0, realtimeStart: '2024-08-29' },
      { value: 3.6, realtimeStart: '2025-09-25' },
    ]);
    // 2024Q1 as the bundle first holds it (the July 2024 release): 1.4; 1.6 with the 2024 annual update; 0.8 now.
    expect(d.series.q1).toEqual([
      { value: 1.4, realtimeStart: '2024-07-25' },
      { value: 1.6, realtimeStart: '2024-09-26' },
      { value: 0.8, realtimeStart: '2025-09-25' },
    ]);
  });

  it('a date with no observation is NOT_FOUND, naming the date to ask for', async () => {
    const mid = await failure('{ series(id: "CPIAUCSL") { revisions(date: "2024-06-15") { value } } }');
    expect(mid.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'date' });
    expect(mid.message).toMatch(/ask for 2024-06-01/);
    const weekend = await failure('{ series(id: "RUT") { revisions(date: "2024-07-06") { value } } }');
    expect(weekend.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'date' });
    expect(weekend.message).toMatch(/nearest are 2024-07-05 and 2024-07-08/);
    const outside = await failure('{ series(id: "CPIAUCSL") { revisions(date: "2030-01-01") { value } } }');
    expect(outside.extensions).toMatchObject({ code: 'NOT_FOUND', argumentName: 'date' });
    expect(outside.message).toMatch(/run from 2021-01-01 to 2025-12-01/);
  });

  it('asOf before the first print is said, not answered with an empty list', async () => {
    const e = await failure('{ series(id: "CPIAUCSL") { revisions(date: "2024-06-01", asOf: "2024-07-10") { value } } }');
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'asOf' });
    expect(e.message).toMatch(/first published on 2024-07-11/);
  });
});

describe('observations(release: FIRST)', () => {
  const q = (id: string, args: string) => `{ series(id: "${id}") { observations(${args}) { dates values release } } }`;

  it('each month as first printed, and the latest values without it', async () => {
    const range = 'from: "2024-05-01", to: "2024-07-01"';
    const first = (await data(q('CPIAUCSL', `${range}, release: FIRST`))).series.observations;
    expect(first).toEqual({ dates: ['2024-05-01', '2024-06-01', '2024-07-01'], values: [313.225, 313.049, 313.534], release: 'FIRST' });
    const latest = (await data(q('CPIAUCSL', range))).series.observations;
    expect(latest.values).toEqual([313.175, 313.044, 313.569]);
    expect(latest.release).toBe('LATEST');
  });

  it('real GDP growth 2024: first releases 1.4 and 2.8, today 0.8 and 3.6', async () => {
    const range = 'from: "2024-01-01", to: "2024-04-01"';
    expect((await data(q('A191RL1Q225SBEA', `${range}, release: FIRST`))).series.observations.values).toEqual([1.4, 2.8]);
    expect((await data(q('A191RL1Q225SBEA', range))).series.observations.values).toEqual([0.8, 3.6]);
  });

  it('composes with asOf: the first prints known by then', async () => {
    // Nothing of Q1/Q2 had been printed by 2024-07-24: the one rule for an empty range is a NO_DATA error.
    const res = await api.query(q('A191RL1Q225SBEA', 'from: "2024-01-01", to: "2024-04-01", release: FIRST, asOf: "2024-07-24"'));
    expect(res.errors?.[0].extensions?.code).toBe('NO_DATA');
  });

  it('composes with a transform: growth as the release printed it (GDPC1 annualized)', async () => {
    const first = (await data(q('GDPC1', 'from: "2024-01-01", to: "2024-07-01", transform: ANNUALIZED, release: FIRST'))).series.observations;
    const latest = (await data(q('GDPC1', 'from: "2024-01-01", to: "2024-07-01", transform: ANNUALIZED'))).series.observations;
    expect(first.dates).toEqual(['2024-01-01', '2024-04-01', '2024-07-01']);
    first.values.forEach((v: number, i: number) => expect(v).toBeCloseTo(Object.values(ref.gdpc1_annualized_first)[i], 10));
    latest.values.forEach((v: number, i: number) => expect(v).toBeCloseTo(Object.values(ref.gdpc1_annualized_latest)[i], 10));
  });

  it('a change is computed within the vintage that first held it, not across first prints of different vintages', async () => {
    const got = (await data(q('CPIAUCSL', 'from: "2024-06-01", to: "2024-12-01", transform: PCT_CHANGE, release: FIRST'))).series.observations;
    const at = (d: string) => got.values[got.dates.indexOf(d)];
    expect(at('2024-06-01')).toBeCloseTo(ref.cpi_pct_change_first['2024-06-01'], 10);
    expect(at('2024-12-01')).toBeCloseTo(ref.cpi_pct_change_first['2024-12-01'], 10);
    expect(at('2024-12-01')).not.toBeCloseTo(ref.cpi_pct_change_dec_2024_mixed_first_prints, 6);
    const latest = (await data(q('CPIAUCSL', 'from: "2024-12-01", to: "2024-12-01", transform: PCT_CHANGE'))).series.observations;
    expect(latest.values[0]).toBeCloseTo(ref.cpi_pct_change_latest['2024-12-01'], 10);
    const yoy = (await data(q('CPIAUCSL', 'from: "2024-06-01", to: "2024-06-01", transform: YOY, release: FIRST'))).series.observations;
    expect(yoy.values[0]).toBeCloseTo(ref.cpi_yoy_first_2024_06, 10);
  });

  it('composes with frequency and aggregation: a quarter is first published with its last month', async () => {
    const args = 'from: "2024-04-01", to: "2024-06-30", frequency: QUARTERLY, aggregation: MEAN';
    const first = (await data(q('CPIAUCSL', `${args}, release: FIRST`))).series.observations;
    expect(first.values[0]).toBeCloseTo(ref.cpi_quarterly_mean_first_2024_04, 10);
    const latest = (await data(q('CPIAUCSL', args))).series.observations;
    expect(latest.values[0]).toBeCloseTo(ref.cpi_quarterly_mean_latest_2024_04, 10);
  });

  it('a series never revised has the same first release as latest (RUT weekly returns)', async () => {
    const args = 'from: "2024-06-01", to: "2024-07-31", frequency: WEEKLY, transform: PCT_CHANGE';
    const first = (await data(q('RUT', `${args}, release: FIRST`))).series.observations;
    const latest = (await data(q('RUT', args))).series.observations;
    expect(first.values).toEqual(latest.values);
    expect(first.values.length).toBeGreaterThan(6);
  });

  it('an unknown release is refused with a code', async () => {
    const res = await api.query(q('CPIAUCSL', 'release: SECOND'));
    expect(res.status).toBe(400);
    expect(res.errors![0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors![0].message).toMatch(/SECOND/);
  });
});

describe('indicator(release: FIRST)', () => {
  it('computes on first prints: CPI monthly returns in December 2024 as first published', async () => {
    const query = (release: string) => `{ indicator(name: RETURNS, inputs: ["CPIAUCSL"], from: "2024-12-01", to: "2024-12-01", release: ${release}) { dates values meta } }`;
    const first = (await data(query('FIRST'))).indicator;
    const latest = (await data(query('LATEST'))).indicator;
    expect(first.dates).toEqual(['2024-12-01']);
    // RETURNS is a fraction or a percent depending on the unit rule; the ratio of the two is not.
    expect(first.values[0] / latest.values[0]).toBeCloseTo(ref.cpi_pct_change_first['2024-12-01'] / ref.cpi_pct_change_latest['2024-12-01'], 8);
    expect(first.meta.release).toBe('FIRST');
  });
});

describe('indicator(release: FIRST), one number for a range', () => {
  it('CHANGE of CPI over the first half of 2024 as known when June was first printed (2024-07-11)', async () => {
    const query = (release: string) => `{ indicator(name: CHANGE, inputs: ["CPIAUCSL"], from: "2024-01-01", to: "2024-06-01", release: ${release}) { dates values meta } }`;
    const first = (await data(query('FIRST'))).indicator;
    const latest = (await data(query('LATEST'))).indicator;
    // Both ends as the 2024-12 vintage had them on 2024-07-11: January 309.685, June's first print 313.049.
    expect(first.meta.start).toMatchObject({ date: '2024-01-01', value: value('cpiaucsl_monthly_fred_vintage_2024-12.csv', 'CPIAUCSL', '2024-01-01') });
    expect(first.meta.end).toMatchObject({ date: '2024-06-01', value: 313.049 });
    expect(first.meta.release).toBe('FIRST');
    expect(latest.meta.start).toMatchObject({ value: value('cpiaucsl_monthly_fred_vintage_2026-04.csv', 'CPIAUCSL', '2024-01-01') });
    expect(latest.meta.end).toMatchObject({ value: 313.044 });
    expect(first.dates).toEqual(['2024-06-01']);
    expect(first.values[0] / latest.values[0]).toBeCloseTo((313.049 / 309.685 - 1) / (313.044 / latest.meta.start.value - 1), 10);
  });
});

describe('Series.revisionsSince', () => {
  const diff = (id: string, args: string) => `{ series(id: "${id}") { revisionsSince(${args}) { seriesId since asOf dates before after change } } }`;

  it('GDP growth since the 2024Q2 advance release: by the end of 2024, and today', async () => {
    const range = 'from: "2024-01-01", to: "2024-06-30"';
    const end2024 = (await data(diff('A191RL1Q225SBEA', `since: "2024-07-25", asOf: "2024-12-31", ${range}`))).series.revisionsSince;
    expect(end2024).toEqual({
      seriesId: 'A191RL1Q225SBEA',
      since: '2024-07-25',
      asOf: '2024-12-31',
      dates: ['2024-01-01', '2024-04-01'],
      before: [1.4, 2.8],
      after: [1.6, 3.0],
      change: [0.2, 0.2],
    });
    const today = (await data(diff('A191RL1Q225SBEA', `since: "2024-07-25", ${range}`))).series.revisionsSince;
    expect(today).toMatchObject({ dates: ['2024-01-01', '2024-04-01'], before: [1.4, 2.8], after: [0.8, 3.6], change: [-0.6, 0.8] });
    expect(today.asOf).toBe(new Date().toISOString().slice(0, 10));
  });

  it('CPIAUCSL June 2024 since its first print: −0.005, rounded to the published decimals', async () => {
    const got = (await data(diff('CPIAUCSL', 'since: "2024-07-11", from: "2024-06-01", to: "2024-06-01"'))).series.revisionsSince;
    expect(got).toMatchObject({ dates: ['2024-06-01'], before: [313.049], after: [313.044], change: [-0.005] });
  });

  it('observations published after since are listed with before null; unrevised ones are not listed', async () => {
    const got = (await data(diff('CPIAUCSL', 'since: "2024-08-15", asOf: "2024-12-31", from: "2024-06-01", to: "2024-12-01"'))).series.revisionsSince;
    // June and July were published by 2024-08-15 and not revised in 2024; August..November came later
    // (2024-09-11 .. 2024-12-11); December was not yet published.
    expect(got.dates).toEqual(['2024-08-01', '2024-09-01', '2024-10-01', '2024-11-01']);
    expect(got.before).toEqual([null, null, null, null]);
    expect(got.change).toEqual([null, null, null, null]);
    const after = sourceColumn('cpiaucsl_monthly_fred_vintage_2024-12.csv', 'CPIAUCSL')
      .filter(([d]) => got.dates.includes(d))
      .map(([, v]) => v);
    expect(got.after).toEqual(after);
  });

  it('since after asOf, or after today, is BAD_USER_INPUT; so is from after to', async () => {
    const later = await failure(diff('CPIAUCSL', 'since: "2025-01-01", asOf: "2024-12-31"'));
    expect(later.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'since' });
    expect(later.message).toMatch(/"since" \(2025-01-01\) is after "asOf" \(2024-12-31\)/);
    const future = await failure(diff('CPIAUCSL', 'since: "2999-01-01"'));
    expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'since' });
    expect(future.message).toMatch(/after today/);
    const range = await failure(diff('CPIAUCSL', 'since: "2024-01-01", from: "2024-12-01", to: "2024-01-01"'));
    expect(range.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });
});
