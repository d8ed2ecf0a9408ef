import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

// Bundled values dated by their sources' release calendars (data/calendars/, cited in its README and
// checked in test/series/release-calendars.test.ts), read through GraphQL with asOf.
// Values are the bundled files' own (data/real/*.csv).

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function latest(id: string, asOf: string) {
  const res = await api.query(`{ series(id: "${id}") { latest(asOf: "${asOf}") { date value } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.latest as { date: string; value: number };
}

async function revisions(id: string, date: string) {
  const res = await api.query(`{ series(id: "${id}") { revisions(date: "${date}") { value realtimeStart } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.revisions as { value: number; realtimeStart: string }[];
}

const file = (name: string, column: string, date: string) => sourceColumn(name, column).find(([d]) => d === date)![1];

describe('values dated by the H.15 (Federal Reserve Board business days)', () => {
  it("DGS2: a day's yield is known the next business day (Friday 07-12 on Monday 07-15, Monday 07-15 on 07-16)", async () => {
    expect(await latest('DGS2', '2024-07-15')).toEqual({ date: '2024-07-12', value: file('dgs2_daily_fred.csv', 'DGS2', '2024-07-12') });
    expect(await latest('DGS2', '2024-07-16')).toEqual({ date: '2024-07-15', value: file('dgs2_daily_fred.csv', 'DGS2', '2024-07-15') });
    expect(await revisions('DGS2', '2024-07-03')).toEqual([{ value: file('dgs2_daily_fred.csv', 'DGS2', '2024-07-03'), realtimeStart: '2024-07-05' }]);
  });

  it("DFF: the weekend values (Friday's rate repeated) come out on Monday", async () => {
    for (const d of ['2024-07-12', '2024-07-13', '2024-07-14']) expect((await revisions('DFF', d))[0].realtimeStart, d).toBe('2024-07-15');
  });

  it("FEDFUNDS: a month's average on the first business day after it (August 2024: Tuesday 09-03, after Labor Day)", async () => {
    expect((await latest('FEDFUNDS', '2024-09-02')).date).toBe('2024-07-01');
    expect(await latest('FEDFUNDS', '2024-09-03')).toEqual({ date: '2024-08-01', value: file('fedfunds_monthly_fred.csv', 'FEDFUNDS', '2024-08-01') });
  });
});

describe('values dated by BLS and BEA calendars', () => {
  it('CPIAUCSL: the 2026 seasonal revision is dated by the January 2026 release, Friday 2026-02-13', async () => {
    const r = await revisions('CPIAUCSL', '2025-06-01');
    expect(r.map((x) => x.realtimeStart)).toEqual(['2025-07-15', '2026-02-13']);
    expect(r.map((x) => x.value)).toEqual([file('cpiaucsl_monthly_fred_vintage_2026-01.csv', 'CPIAUCSL', '2025-06-01'), file('cpiaucsl_monthly_fred_vintage_2026-04.csv', 'CPIAUCSL', '2025-06-01')]);
  });

  it("A191RL1Q225SBEA: the April 2026 snapshot's 2025Q4 is the third estimate of 2026-04-09, its 2025Q3 the updated one of 2026-01-22", async () => {
    expect(await revisions('A191RL1Q225SBEA', '2025-10-01')).toEqual([{ value: 0.5, realtimeStart: '2026-04-09' }]);
    expect(await revisions('A191RL1Q225SBEA', '2025-07-01')).toEqual([{ value: 4.4, realtimeStart: '2026-01-22' }]);
    expect((await latest('A191RL1Q225SBEA', '2026-04-08')).date).toBe('2025-07-01');
  });

  it('GDPC1: 2025Q3 in the January 2026 snapshot is the initial estimate of 2025-12-23; older quarters date from the 2025 annual update', async () => {
    expect((await revisions('GDPC1', '2025-07-01')).map((x) => x.realtimeStart)).toEqual(['2025-12-23']);
    expect((await revisions('GDPC1', '2025-04-01')).map((x) => x.realtimeStart)).toEqual(['2025-09-25']);
  });
});

describe('values dated by the CFTC schedule', () => {
  it('the reports of Juneteenth and Independence Day weeks came out on the Monday after (2024-06-24, 2024-07-08); others on the Friday', async () => {
    const id = 'CFTC_239742_F_OPEN_INTEREST';
    expect((await revisions(id, '2024-06-18'))[0].realtimeStart).toBe('2024-06-24');
    expect((await revisions(id, '2024-07-02'))[0].realtimeStart).toBe('2024-07-08');
    expect((await revisions(id, '2024-07-09'))[0].realtimeStart).toBe('2024-07-12');
    expect((await latest(id, '2024-07-05')).date).toBe('2024-06-25');
  });
});
