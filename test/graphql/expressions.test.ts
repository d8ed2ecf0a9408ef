import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

// Expected values: test/graphql/reference/expressions_reference.json, computed with pandas from the
// bundled source files by test/graphql/reference/expressions_reference.py (independent of Tide's code).
const REF = JSON.parse(readFileSync(new URL('./reference/expressions_reference.json', import.meta.url), 'utf8')) as Record<string, { dates: string[]; values: (number | null)[] }>;

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const gql = (s: string) => JSON.stringify(s);

async function obs(id: string, args: string, select = 'dates values') {
  const res = await api.query(`{ series(id: ${gql(id)}) { observations(${args}) { ${select} } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.observations as { dates: string[]; values: (number | null)[]; meta: any; seriesId: string };
}

function expectClose(got: { dates: string[]; values: (number | null)[] }, ref: { dates: string[]; values: (number | null)[] }, digits = 10) {
  expect(got.dates).toEqual(ref.dates);
  got.values.forEach((v, i) => expect(v).toBeCloseTo(ref.values[i]!, digits));
}

describe('expressions where a series id goes, against pandas', () => {
  it('RUT / NASDAQCOM: the ratio on the dates both have', async () => {
    expectClose(await obs('RUT / NASDAQCOM', 'from: "2024-07-01", to: "2024-07-31"'), REF['RUT / NASDAQCOM, July 2024']);
  });

  it('DGS2 - DFF: a spread of two rates, in percentage points', async () => {
    const res = await api.query('{ series(id: "DGS2 - DFF") { unit observations(from: "2024-09-01", to: "2024-09-30") { dates values meta } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.series.unit).toBe('Percent');
    expectClose(res.data.series.observations, REF['DGS2 - DFF, 2024-09']);
  });

  it('rebase(basket(…), date) / rebase(…, date): the mega-cap formula\'s shape on bundled series', async () => {
    const got = await obs('rebase(basket(RUT, QQQ, IWM), "2023-01-03") / rebase(NASDAQCOM, "2023-01-03")', 'from: "2024-12-01", to: "2024-12-31"');
    expectClose(got, REF['rebase(basket(RUT, QQQ, IWM), "2023-01-03") / rebase(NASDAQCOM, "2023-01-03"), Dec 2024'], 9);
  });

  it('basket(…, weights: […]): 100 on the first shared date, weighted daily returns after', async () => {
    expectClose(await obs('basket(RUT, QQQ, weights: [3, 1])', 'from: "2022-01-01", to: "2022-01-07"'), REF['basket(RUT, QQQ, weights: [3, 1]), 2022-01 first week']);
    expectClose(await obs('basket(RUT, QQQ, weights: [3, 1])', 'from: "2024-12-31", to: "2024-12-31"'), REF['basket(RUT, QQQ, weights: [3, 1]), 2024-12-31'], 8);
  });

  it('lag(x, n) reaches before from; log() of a ratio', async () => {
    expectClose(await obs('RUT / lag(RUT, 5) - 1', 'from: "2024-07-01", to: "2024-07-31"'), REF['RUT / lag(RUT, 5) - 1, 2024-07']);
    expectClose(await obs('log(RUT / QQQ)', 'from: "2024-07-31", to: "2024-07-31"'), REF['log(RUT / QQQ), 2024-07-31']);
  });

  it('frequency and transform apply to every operand: weekly returns of RUT minus those of QQQ', async () => {
    expectClose(await obs('RUT - QQQ', 'from: "2024-07-01", to: "2024-07-31", frequency: WEEKLY, transform: PCT_CHANGE'), REF['RUT - QQQ weekly PCT_CHANGE, 2024-07']);
  });
});
