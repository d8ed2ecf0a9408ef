// Periods end on the last trading session of the series' calendar (data/catalog.json `calendar`,
// api/series/trading-calendar.ts). Good Friday 2024-03-29 ends a week, March and the first quarter;
// RUT's last close before it is Thursday 2024-03-28, 2124.55004882812 in data/real/rut_daily_yahoo.csv.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const thursday = sourceColumn('rut_daily_yahoo.csv', 'Close').find(([d]) => d === '2024-03-28')![1];

async function obs(id: string, args: string) {
  const res = await api.query(`{ series(id: "${id}") { observations(${args}) { dates values partial } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.observations as { dates: string[]; values: (number | null)[]; partial: boolean };
}

describe('a period ending on a holiday is complete once its last session has closed', () => {
  it.each(['2024-03-28', '2024-03-29', '2024-03-30'])('as of %s, RUT has its weekly bar for the week of Good Friday', async (asOf) => {
    const got = await obs('RUT', `from: "2024-03-18", frequency: WEEKLY, asOf: "${asOf}"`);
    expect(got.dates).toEqual(['2024-03-22', '2024-03-29']);
    expect(got.values[1]).toBe(thursday);
    expect(got.partial).toBe(false);
  });

  it('as of Wednesday 2024-03-27 that week is still incomplete (left out; flagged when kept)', async () => {
    expect((await obs('RUT', 'from: "2024-03-18", frequency: WEEKLY, asOf: "2024-03-27"')).dates).toEqual(['2024-03-22']);
    const kept = await obs('RUT', 'from: "2024-03-18", frequency: WEEKLY, asOf: "2024-03-27", includePartial: true');
    expect(kept.partial).toBe(true);
  });

  it('to: Good Friday (no asOf) includes that week, as a later `to` does', async () => {
    const got = await obs('RUT', 'from: "2024-03-18", to: "2024-03-29", frequency: WEEKLY');
    expect(got.dates).toEqual(['2024-03-22', '2024-03-29']);
    expect(got.values[1]).toBe(thursday);
  });

  it.each([
    ['MONTHLY', '2024-03-01'],
    ['QUARTERLY', '2024-01-01'],
  ])('as of Saturday 2024-03-30, %s ends on the Thursday close', async (frequency, label) => {
    const got = await obs('RUT', `from: "2024-01-01", frequency: ${frequency}, asOf: "2024-03-30"`);
    expect(got.dates[got.dates.length - 1]).toBe(label);
    expect(got.values[got.values.length - 1]).toBe(thursday);
    expect(got.partial).toBe(false);
  });

  it('every series on the NYSE calendar follows it: QQQ, IWM, NASDAQCOM', async () => {
    for (const id of ['QQQ', 'IWM', 'NASDAQCOM']) {
      const got = await obs(id, 'from: "2024-03-18", frequency: WEEKLY, asOf: "2024-03-30"');
      expect(got.dates, id).toEqual(['2024-03-22', '2024-03-29']);
      expect(got.values[1], id).not.toBeNull();
    }
  });

  it('indicators read the same periods: weekly RELATIVE_VOL(RUT, QQQ) as of Good Friday ends with that week', async () => {
    const res = await api.query('{ indicator(name: RELATIVE_VOL, inputs: ["RUT", "QQQ"], frequency: WEEKLY, from: "2024-03-01", asOf: "2024-03-29") { dates values } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.indicator.dates.at(-1)).toBe('2024-03-29');
    expect(res.data.indicator.values.at(-1)).not.toBeNull();
  });
});
