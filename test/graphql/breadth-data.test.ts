import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

// SPY, RSP and the seven mega-caps in the bundled sample (data/real/<ticker>_daily_yahoo.csv; provenance,
// basis and checks in data/real/SOURCES.md), read back through GraphQL.
// The closes are split- and dividend-adjusted (Yahoo, as adjusted in August 2026), so a level here is not
// the price traded that day, but every return between two dates with no dividend between them is.
// Where each expected number comes from:
// - "the file's own": the bundled file's value, cited.
// - SECOND_SOURCE: closes from independent files, copied by hand from
//   - Always-03/Magnificent-7-Backtesting data/<TICKER>.csv @ 56a79f154d04e9377954e0339b4c12b7efb0eb15 (Yahoo `Close`:
//     split-adjusted as of 2024-04, not dividend-adjusted, before NVDA's 2024 split);
//   - Jaideep120405/Mindwealth SPY.csv, RSP.csv @ 1ad346ba89b645ddf0e1c1aa4e50fe08331322d7 (Yahoo `Adj Close`, 2024 download);
//   - EddieKnutson/StockMarketIndicator SPY.csv, RSP.csv @ 4e2acedfe0afe00b15f5274fd796b4bfc2628f4e (`Adj. Close`, to the cent).
//   No second file covering the mega-caps in 2024 was found; NVDA's 2024 split is checked against its traded
//   closes (1208.88 on 2024-06-07 before the 10:1 split, 121.79 on 2024-06-10).

const TICKERS = ['SPY', 'RSP', 'AAPL', 'MSFT', 'NVDA', 'AMZN', 'GOOGL', 'META', 'TSLA'] as const;

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function closes(id: string, from: string, to: string) {
  const res = await api.query(`{ series(id: "${id}") { unit frequency source { name sourceId } observations(from: "${from}", to: "${to}") { dates values } } }`);
  expect(res.errors).toBeUndefined();
  const s = res.data.series;
  return { ...s, map: new Map<string, number>(s.observations.dates.map((d: string, i: number) => [d, s.observations.values[i]])) };
}

/** Return from d1 to d2 as the second source had it and as Tide serves it. */
async function returns(id: string, d1: string, d2: string, second: [number, number]) {
  const { map } = await closes(id, d1, d2);
  return { tide: map.get(d2)! / map.get(d1)! - 1, second: second[1] / second[0] - 1 };
}

describe('breadth series in the bundled sample', () => {
  it.each(TICKERS)('%s: every 2022-2024 trading day of RUT, the file exactly, in USD from Yahoo, no split jump', async (id) => {
    const got = await closes(id, '2022-01-01', '2024-12-31');
    const file = sourceColumn(`${id.toLowerCase()}_daily_yahoo.csv`, 'Close');
    const rutDates = sourceColumn('rut_daily_yahoo.csv', 'Close').map(([d]) => d);
    expect(got.observations.dates).toEqual(rutDates);
    expect(got.observations.dates).toHaveLength(753);
    expect(got.observations.values).toEqual(file.map(([, v]) => v));
    expect(got.unit).toBe('USD');
    expect(got.frequency).toBe('DAILY');
    expect(got.source).toEqual({ name: 'Yahoo Finance', sourceId: id });
    // an unadjusted split shows as a one-day move of -50 % or more; the largest real move in these files is META's -26.4 % (2022-02-03)
    const values = got.observations.values as number[];
    const largest = Math.max(...values.slice(1).map((v, i) => Math.abs(v / values[i] - 1)));
    expect(largest).toBeLessThan(0.27);
  });

  it("known closes (the files' own text, 2022-01-03 / 2023-01-03 / 2024-12-31)", async () => {
    const expected: Record<string, [number, number, number]> = {
      SPY: [449.4864807128906, 364.1340026855469, 576.2152099609375],
      RSP: [150.86666870117188, 133.1032257080078, 170.84994506835938],
      AAPL: [177.93972778320312, 122.98270416259766, 248.83021545410156],
      MSFT: [322.4623718261719, 232.94827270507812, 416.5583801269531],
      NVDA: [30.02614402770996, 14.283262252807617, 134.08973693847656],
      AMZN: [170.4044952392578, 85.81999969482422, 219.38999938964844],
      GOOGL: [143.71714782714844, 88.33670043945312, 188.31640625],
      META: [335.5929870605469, 123.65412902832031, 582.6303100585938],
      TSLA: [399.9266662597656, 108.0999984741211, 403.8399963378906],
    };
    for (const id of TICKERS) {
      const { map } = await closes(id, '2022-01-03', '2024-12-31');
      expect([map.get('2022-01-03'), map.get('2023-01-03'), map.get('2024-12-31')], id).toEqual(expected[id]);
    }
  });

  it('AMZN and TSLA, which paid no dividends, equal the second source across their 2022 splits (20:1 on 06-06, 3:1 on 08-25)', async () => {
    const amzn = (await closes('AMZN', '2022-06-03', '2022-06-06')).map;
    expect([amzn.get('2022-06-03'), amzn.get('2022-06-06')]).toEqual([122.3499984741211, 124.79000091552734]);
    const tsla = (await closes('TSLA', '2022-08-24', '2022-08-25')).map;
    expect([tsla.get('2022-08-24'), tsla.get('2022-08-25')]).toEqual([297.0966796875, 296.07000732421875]);
  });

  it.each([
    // id, from, to, second-source closes on those dates; no ex-dividend date lies between them
    ['AAPL', '2023-01-03', '2023-01-31', [125.06999969482422, 144.2899932861328]],
    ['MSFT', '2023-01-03', '2023-01-31', [239.5800018310547, 247.80999755859375]],
    ['NVDA', '2023-01-03', '2023-01-31', [143.14999389648438, 195.3699951171875]],
    ['GOOGL', '2022-07-15', '2022-07-18', [111.77749633789062, 109.02999877929688]], // across the 20:1 split
    ['META', '2022-01-03', '2023-12-29', [338.5400085449219, 353.9599914550781]], // no dividend before 2024
    ['SPY', '2022-01-03', '2024-01-24', [463.046021, 485.390015]], // Adj Close: dividends are in both
    ['RSP', '2022-01-03', '2024-01-24', [157.166656, 155.910004]],
  ] as const)('%s %s → %s: the return is the second source return (to 1e-6)', async (id, d1, d2, second) => {
    const r = await returns(id, d1, d2, [second[0], second[1]]);
    expect(Math.abs(r.tide - r.second)).toBeLessThan(1e-6);
  });

  it.each([
    ['SPY', [462.86, 595.01]],
    ['RSP', [153.12, 176.69]],
  ] as const)('%s over 2024 (2024-01-03 → 2024-12-27) is the second source adjusted return (to 1e-4: cents)', async (id, second) => {
    const r = await returns(id, '2024-01-03', '2024-12-27', [second[0], second[1]]);
    expect(Math.abs(r.tide - r.second)).toBeLessThan(1e-4);
  });

  it('NVDA across its 10:1 split (2024-06-07 → 06-10) moves as traded: 1208.88/10 → 121.79, +0.746 %', async () => {
    const r = await returns('NVDA', '2024-06-07', '2024-06-10', [120.888, 121.79]);
    expect(Math.abs(r.tide - r.second)).toBeLessThan(1e-6);
  });
});
