import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

// Expected values are the source files' numbers with the arithmetic written out by hand.

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function obs(id: string, args: string) {
  const res = await api.query(`{ series(id: "${id}") { observations(${args}) { dates values frequency transform } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.observations as { dates: string[]; values: (number | null)[] };
}

describe('levels and as-of reads', () => {
  it('RUT closes in July 2024 are exactly the source file closes', async () => {
    const expected = sourceColumn('rut_daily_yahoo.csv', 'Close').filter(([d]) => d.startsWith('2024-07'));
    const got = await obs('RUT', 'from: "2024-07-01", to: "2024-07-31"');
    expect(got.dates).toEqual(expected.map(([d]) => d));
    expect(got.values).toEqual(expected.map(([, v]) => v));
    expect(got.dates).toHaveLength(22);
  });

  it('CPIAUCSL June 2024 as of 2024-08-15 is the first print; without asOf the latest vintage', async () => {
    expect((await obs('CPIAUCSL', 'from: "2024-06-01", to: "2024-06-01", asOf: "2024-08-15"')).values).toEqual([313.049]);
    expect((await obs('CPIAUCSL', 'from: "2024-06-01", to: "2024-06-01"')).values).toEqual([313.044]);
  });

  it('as of a date before the earliest vintage held: NO_DATA naming that vintage, not an empty list', async () => {
    const vintages = (await api.query('{ series(id: "CPIAUCSL") { vintages } }')).data.series.vintages as string[];
    const earliest = vintages[0];
    const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    for (const field of [`observations(asOf: "${dayBefore}") { values }`, `latest(asOf: "${dayBefore}") { value }`]) {
      const res = await api.query(`{ series(id: "CPIAUCSL") { ${field} } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NO_DATA', earliestVintage: earliest, argumentName: 'asOf' });
      expect(res.errors?.[0]?.message).toContain(`earliest vintage held is ${earliest}`);
    }
    expect((await obs('CPIAUCSL', `asOf: "${earliest}"`)).values.length).toBeGreaterThan(0);
    const gdp = await api.query('{ series(id: "GDPC1") { observations(from: "2024-01-01", to: "2024-12-31", asOf: "2024-01-01") { values } } }');
    expect(gdp.errors?.[0]?.extensions?.code).toBe('NO_DATA');
  });

  it('a range with no values is NO_DATA naming the span that has data, as in indicator and positioning', async () => {
    const res = await api.query('{ series(id: "RUT") { observations(from: "2030-01-01") { values } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'NO_DATA', firstDate: '2022-01-03', lastDate: '2024-12-31' });
    expect(res.errors?.[0]?.message).toMatch(/RUT has no values in 2030-01-01 … its end; it has data from 2022-01-03 to 2024-12-31/);
  });

  it('A191RL1Q225SBEA 2024Q2: advance 2.8 on 2024-07-25, second 3.0 on 2024-08-29', async () => {
    const q2 = 'from: "2024-04-01", to: "2024-04-01"';
    const before = await api.query(`{ series(id: "A191RL1Q225SBEA") { observations(${q2}, asOf: "2024-07-24") { values } } }`);
    expect(before.errors?.[0]?.extensions?.code).toBe('NO_DATA');
    expect((await obs('A191RL1Q225SBEA', `${q2}, asOf: "2024-07-25"`)).values).toEqual([2.8]);
    expect((await obs('A191RL1Q225SBEA', `${q2}, asOf: "2024-08-29"`)).values).toEqual([3.0]);
  });

  it('latest(asOf) is the last value then published, with its release date', async () => {
    const res = await api.query('{ series(id: "CPIAUCSL") { latest(asOf: "2024-08-15") { date value realtimeStart } } }');
    expect(res.data.series.latest).toEqual({ date: '2024-07-01', value: 313.534, realtimeStart: '2024-08-14' });
  });

  it('missing values stay null (DGS2 on Independence Day)', async () => {
    expect(await obs('DGS2', 'from: "2024-07-03", to: "2024-07-05"')).toMatchObject({ dates: ['2024-07-03', '2024-07-04', '2024-07-05'], values: [4.71, null, 4.6] });
  });
});

describe('transforms', () => {
  const range = 'from: "2024-07-10", to: "2024-07-12"';
  it('CHANGE, PCT_CHANGE and LOG_RETURN against the previous close', async () => {
    expect((await obs('RUT', `${range}, transform: CHANGE`)).values[0]).toBeCloseTo(2051.75 - 2029.469970703125, 10);
    expect((await obs('RUT', `${range}, transform: PCT_CHANGE`)).values[1]).toBeCloseTo(2125.0400390625 / 2051.75 - 1, 12);
    expect((await obs('RUT', `${range}, transform: LOG_RETURN`)).values[2]).toBeCloseTo(Math.log(2148.27001953125 / 2125.0400390625), 12);
  });

  it('YOY compares with the same month a year earlier', async () => {
    expect((await obs('CPIAUCNS', 'from: "2024-06-01", to: "2024-06-01", transform: YOY')).values[0]).toBeCloseTo(314.175 / 305.109 - 1, 12);
  });

  it("ANNUALIZED compounds the quarterly change over four quarters (a fraction, FRED's pca / 100)", async () => {
    expect((await obs('GDPC1', 'from: "2024-04-01", to: "2024-04-01", transform: ANNUALIZED')).values[0]).toBeCloseTo((23286.508 / 23082.119) ** 4 - 1, 12);
    expect((await obs('CPIAUCNS', 'from: "2024-06-01", to: "2024-06-01", transform: ANNUALIZED')).values[0]).toBeCloseTo((314.175 / 314.069) ** 12 - 1, 12);
  });

  it('ANNUALIZED of daily or weekly data is refused, naming the alternatives', async () => {
    for (const f of ['', ', frequency: WEEKLY']) {
      const res = await api.query(`{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-31", transform: ANNUALIZED${f}) { values } } }`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'transform' });
      expect(res.errors?.[0]?.message).toMatch(/frequency: MONTHLY or QUARTERLY, or use transform: PCT_CHANGE/);
    }
    expect((await obs('RUT', 'from: "2024-07-01", to: "2024-07-31", frequency: MONTHLY, transform: ANNUALIZED')).values).toHaveLength(1);
  });

  it('REBASE_100 divides by the first value in range', async () => {
    const got = await obs('RUT', 'from: "2024-07-08", to: "2024-07-10", transform: REBASE_100');
    expect(got.values[0]).toBe(100);
    expect(got.values[2]).toBeCloseTo((100 * 2051.75) / 2038.6700439453125, 10);
  });
});

describe('frequency conversion', () => {
  const week = 'from: "2024-07-01", to: "2024-07-12", frequency: WEEKLY';
  it('weeks end on Friday and are labelled with it', async () => {
    expect(await obs('RUT', week)).toMatchObject({ dates: ['2024-07-05', '2024-07-12'], values: [2026.72998046875, 2148.27001953125] });
  });

  it('FIRST, MEAN, SUM, MIN, MAX of the holiday-shortened week ending 2024-07-05', async () => {
    const closes = [2030.0699462890625, 2033.8699951171875, 2036.6199951171875, 2026.72998046875];
    expect((await obs('RUT', `${week}, aggregation: FIRST`)).values[0]).toBe(2030.0699462890625);
    expect((await obs('RUT', `${week}, aggregation: MEAN`)).values[0]).toBeCloseTo((2030.0699462890625 + 2033.8699951171875 + 2036.6199951171875 + 2026.72998046875) / 4, 9);
    expect((await obs('RUT', `${week}, aggregation: SUM`)).values[0]).toBeCloseTo(
      closes.reduce((a, b) => a + b),
      9,
    );
    expect((await obs('RUT', `${week}, aggregation: MIN`)).values[0]).toBe(2026.72998046875);
    expect((await obs('RUT', `${week}, aggregation: MAX`)).values[0]).toBe(2036.6199951171875);
  });

  it('monthly mean skips the missing holiday (DGS2 July 2024: 22 values over 23 days)', async () => {
    const july = [4.77, 4.74, 4.71, 4.6, 4.62, 4.62, 4.62, 4.5, 4.45, 4.44, 4.43, 4.42, 4.46, 4.49, 4.5, 4.4, 4.37, 4.41, 4.36, 4.36, 4.35, 4.29];
    const got = await obs('DGS2', 'from: "2024-07-01", to: "2024-07-31", frequency: MONTHLY, aggregation: MEAN');
    expect(got.dates).toEqual(['2024-07-01']);
    expect(got.values[0]).toBeCloseTo(july.reduce((a, b) => a + b) / 22, 12);
  });

  it('quarterly and annual means of CPIAUCNS', async () => {
    expect((await obs('CPIAUCNS', 'from: "2024-04-01", to: "2024-06-30", frequency: QUARTERLY, aggregation: MEAN')).values).toEqual([expect.closeTo((313.548 + 314.069 + 314.175) / 3, 10)]);
    const y2023 = [299.17, 300.84, 301.836, 303.363, 304.127, 305.109, 305.691, 307.026, 307.789, 307.671, 307.051, 306.746];
    expect((await obs('CPIAUCNS', 'from: "2023-01-01", to: "2023-12-31", frequency: ANNUAL, aggregation: MEAN')).values[0]).toBeCloseTo(y2023.reduce((a, b) => a + b) / 12, 10);
  });

  it('a weekly change uses the previous week, read from before "from"', async () => {
    expect((await obs('RUT', 'from: "2024-07-08", to: "2024-07-12", frequency: WEEKLY, transform: PCT_CHANGE')).values).toEqual([expect.closeTo(2148.27001953125 / 2026.72998046875 - 1, 12)]);
  });
});

describe('catalog', () => {
  it('searchSeries pages through matches with a cursor', async () => {
    const first = await api.query('{ searchSeries(text: "fred", first: 3) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }');
    const page = first.data.searchSeries;
    expect(page.totalCount).toBe(10); // the ten FRED series of the bundled dataset (GDPNOW among them)
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await api.query(`{ searchSeries(text: "fred", first: 3, after: "${page.pageInfo.endCursor}") { nodes { id } } }`);
    const all = await api.query('{ searchSeries(text: "fred", first: 10) { nodes { id } pageInfo { hasNextPage } } }');
    const ids = (r: typeof next) => r.data.searchSeries.nodes.map((n: { id: string }) => n.id);
    expect([...ids(first), ...ids(next)]).toEqual(ids(all).slice(0, 6));
    expect(all.data.searchSeries.pageInfo.hasNextPage).toBe(false);
  });

  it('every word must match', async () => {
    const res = await api.query('{ searchSeries(text: "russell futures", first: 50) { nodes { id } } }');
    const ids = res.data.searchSeries.nodes.map((n: { id: string }) => n.id);
    expect(ids).toContain('RTY=F');
    expect(ids).not.toContain('RUT');
  });

  it('series metadata carries source, dates and vintages', async () => {
    const res = await api.query('{ series(id: "CPIAUCSL") { name unit frequency source { name url sourceId } firstDate lastDate vintages } }');
    expect(res.data.series).toMatchObject({ unit: 'Index 1982-1984=100', frequency: 'MONTHLY', source: { name: 'FRED', sourceId: 'CPIAUCSL' }, firstDate: '2021-01-01', lastDate: '2025-12-01' });
    expect(res.data.series.vintages).toContain('2024-07-11');
  });
});

describe('native weekly series', () => {
  it('a CFTC report dated Tuesday is returned when "from" falls earlier in its week', async () => {
    const got = await obs('CFTC_239742_F_ASSET_MGR_LONG', 'from: "2024-07-01", to: "2024-07-16"');
    expect(got.dates).toEqual(['2024-07-02', '2024-07-09', '2024-07-16']);
  });
});

describe('polling averages', () => {
  it('the bundled 538 polls are served as daily averages per candidate, public the day after', async () => {
    const res = await api.query(
      '{ series(id: "POLLS_US_PRES_2024_HARRIS") { unit observations(from: "2024-07-22", to: "2024-07-29") { dates values } latest(asOf: "2024-07-29") { date realtimeStart } } }',
    );
    expect(res.data.series.unit).toBe('Percent');
    expect(res.data.series.observations.dates[0]).toBe('2024-07-22');
    for (const v of res.data.series.observations.values) expect(v).toBeGreaterThan(30);
    expect(res.data.series.latest).toEqual({ date: '2024-07-28', realtimeStart: '2024-07-29' });
  });
});

describe('incomplete periods and missing observations', () => {
  it('the last week of RUT (data end Tuesday 2024-12-31) is left out, not labelled Friday 2025-01-03', async () => {
    const got = await api.query('{ series(id: "RUT") { observations(from: "2024-12-01", frequency: WEEKLY) { dates partial } } }');
    expect(got.data.series.observations.dates.at(-1)).toBe('2024-12-27');
    expect(got.data.series.observations.partial).toBe(false);
  });

  it('includePartial keeps it, flagged, labelled with its last observation', async () => {
    const res = await api.query('{ series(id: "RUT") { observations(from: "2024-12-01", frequency: WEEKLY, includePartial: true) { dates values partial } } }');
    const o = res.data.series.observations;
    expect(o.dates.slice(-2)).toEqual(['2024-12-27', '2024-12-31']);
    expect(o.partial).toBe(true);
    const lastClose = sourceColumn('rut_daily_yahoo.csv', 'Close').find(([d]) => d === '2024-12-31')![1];
    expect(o.values.at(-1)).toBe(lastClose);
  });

  it('a week asked for by a "to" inside it is whole: the period holding "to" is read to its end', async () => {
    expect(await obs('RUT', 'from: "2024-07-08", to: "2024-07-10", frequency: WEEKLY')).toMatchObject({ dates: ['2024-07-12'], values: [2148.27001953125] });
  });

  it('a quarter with a month not yet published is partial: CPIAUCNS ends November 2024, so Q4 2024 is left out', async () => {
    const got = await obs('CPIAUCNS', 'from: "2024-01-01", frequency: QUARTERLY, aggregation: MEAN');
    expect(got.dates).toEqual(['2024-01-01', '2024-04-01', '2024-07-01']);
    const kept = await api.query('{ series(id: "CPIAUCNS") { observations(from: "2024-10-01", frequency: QUARTERLY, aggregation: MEAN, includePartial: true) { dates values partial } } }');
    expect(kept.data.series.observations).toEqual({ dates: ['2024-10-01'], values: [expect.closeTo((315.664 + 315.493) / 2, 10)], partial: true });
  });

  it("a quarter missing a month inside the data is missing (FRED's rule): CPIAUCSL Q4 2025 lacks October", async () => {
    const got = await obs('CPIAUCSL', 'from: "2025-07-01", to: "2025-12-31", frequency: QUARTERLY, aggregation: MEAN');
    expect(got.dates).toEqual(['2025-07-01', '2025-10-01']);
    expect(got.values[0]).not.toBeNull();
    expect(got.values[1]).toBeNull();
  });
});

describe('errors stay local (nullable fields that can fail)', () => {
  it('one aliased observations with NO_DATA beside 20 others: the siblings keep their data, the error names its alias', async () => {
    const july = sourceColumn('rut_daily_yahoo.csv', 'Close').filter(([d]) => d.startsWith('2024-07'));
    const days = july.slice(0, 20).map(([d]) => d);
    const aliases = days.map((d, i) => `d${i}: observations(from: "${d}", to: "${d}") { dates values }`);
    const res = await api.query(`{ series(id: "RUT") { id ${aliases.join(' ')} empty: observations(from: "2030-01-01") { values } } }`);
    expect(res.errors).toHaveLength(1);
    expect(res.errors?.[0]).toMatchObject({ path: ['series', 'empty'], extensions: { code: 'NO_DATA' } });
    expect(res.data.series.id).toBe('RUT');
    expect(res.data.series.empty).toBeNull();
    days.forEach((d, i) => expect(res.data.series[`d${i}`]).toEqual({ dates: [d], values: [july[i][1]] }));
  });

  it('a failing indicator alias nulls itself, not the whole answer', async () => {
    const res = await api.query(
      '{ ok: indicator(name: CHANGE, inputs: ["RUT"], from: "2024-07-09", to: "2024-07-16") { values } bad: indicator(name: CHANGE, inputs: ["NOPE"]) { values } s: series(id: "RUT") { id } }',
    );
    expect(res.errors?.map((e) => (e as { path?: unknown }).path)).toEqual([['bad']]);
    expect(res.data.bad).toBeNull();
    expect(res.data.ok.values).toHaveLength(1);
    expect(res.data.s).toEqual({ id: 'RUT' });
  });
});
