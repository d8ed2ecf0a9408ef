// A window longer than the data up to `to` is answered wherever minObservations is met, as pandas'
// rolling(window, min_periods) does, for every rolling indicator and pair, on ranges that start at
// the data's first date. Expected values: test/indicators/reference/min_periods_start.json, from
// test/indicators/reference/min_periods_start.py (pandas, from the bundled files in data/real/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { mismatches, reference } from '../indicators/helpers/data.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

interface Case {
  name: string;
  args: string;
  window: number;
  minObservations: number;
  from: string;
  to: string;
  dates: string[];
  values: (number | null)[];
}
const { cases } = reference<{ cases: Case[] }>('min_periods_start');

describe('minObservations near the start of the data', () => {
  it.each(cases)('$name, from the first date to $to, equals pandas', async ({ args, from, to, dates, values, window, minObservations }) => {
    const res = await api.query(`{ indicator(${args}, from: "${from}", to: "${to}") { dates values meta } }`);
    expect(res.errors).toBeUndefined();
    const got = res.data.indicator;
    expect(got.dates).toEqual(dates);
    expect(mismatches(got.values, values)).toEqual([]);
    // Fewer changes than the window, so these values exist only by the minObservations rule.
    expect(dates.length - 1).toBeLessThan(window);
    expect(got.values.filter((v: number | null) => v !== null).length).toBe(values.filter((v) => v !== null).length);
    expect(got.values.filter((v: number | null) => v !== null).length).toBeGreaterThan(0);
    expect(got.meta).toMatchObject({ window, minObservations });
  });

  it("the issue's case: VOLATILITY(NASDAQCOM) 250/60 over 2022-04-01 … 2022-06-30 gives the same values as with a later `to`", async () => {
    const q = (to: string) => api.query(`{ indicator(name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250, minObservations: 60, from: "2022-04-01", to: "${to}") { dates values } }`);
    const [short, long] = await Promise.all([q('2022-06-30'), q('2022-12-30')]);
    expect(short.errors).toBeUndefined();
    const n = short.data.indicator.dates.length;
    expect(n).toBeGreaterThan(60);
    expect(short.data.indicator).toEqual({ dates: long.data.indicator.dates.slice(0, n), values: long.data.indicator.values.slice(0, n) });
  });

  it('a minObservations the data cannot reach is refused on minObservations, naming what there is', async () => {
    const res = await api.query('{ indicator(name: VOLATILITY, inputs: ["NASDAQCOM"], window: 250, minObservations: 124, to: "2022-06-30") { values } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'minObservations' });
    expect(res.errors?.[0].message).toMatch(/minObservations \(124\) is more than the 123 returns of NASDAQCOM available up to 2022-06-30/);
    const pair = await api.query('{ indicator(name: RELATIVE_VOL, inputs: ["RUT", "QQQ"], frequency: WEEKLY, window: 26, minObservations: 23, to: "2022-06-10") { values } }');
    expect(pair.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'minObservations' });
    expect(pair.errors?.[0].message).toMatch(/minObservations \(23\) is more than the 22 changes on the dates RUT and QQQ share available up to 2022-06-10/);
  });
});
