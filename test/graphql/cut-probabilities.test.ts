// cutProbabilities and fomcMeetings over real HTTP. Expected probabilities are recomputed here by
// hand from the bundled source files (CME FedWatch arithmetic, docs/indicators.md), not by the library.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { sourceColumn } from '../helpers/source-csv.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function full(meeting: string, asOf: string) {
  const res = await api.query(`{ cutProbabilities(meeting: "${meeting}", asOf: "${asOf}") {
    meeting asOf resolvedMeetings assumedUnchangedMeetings dayCount meta
    outcomes { lowerBound upperBound changeBp probability } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.cutProbabilities;
}

async function outcomes(meeting: string, asOf: string) {
  return (await full(meeting, asOf)).outcomes as { lowerBound: number; upperBound: number; changeBp: number; probability: number }[];
}

const value = (file: string, column: string, date: string) => sourceColumn(file, column).find(([d]) => d === date)![1]!;

/** 18 Sep 2024, CME's day count: the decision day carries the new rate, so d = 17 days at the old
 * rate out of N = 30 (d = 18 with DECISION_DAY_OLD_RATE); the old rate is DFF (no July/August
 * contract is bundled). */
function handWorked(asOf: string, d = 17) {
  const price = value('zq_fed_funds_futures_ZQU24_daily_barchart.csv', 'last', asOf);
  const dff = value('dff_daily_fred.csv', 'DFF', '2024-07-09'); // DFF is published the next day
  const avg = 100 - price;
  const rEnd = (avg - (d / 30) * dff) * (30 / (30 - d));
  const steps = (rEnd - dff) / 0.25; // e.g. −0.785: 78.5 % for floor = −1 step (one cut), 21.5 % for 0
  const low = Math.floor(steps);
  return { low, pLow: 1 - (steps - low), pHigh: steps - low };
}

describe('September 2024 FOMC meeting (decision 2024-09-18)', () => {
  it('as of 2024-07-10: 78.5 % for a 25 bp cut, 21.5 % for no change', async () => {
    const hand = handWorked('2024-07-10');
    expect(hand.low).toBe(-1);
    const got = await outcomes('2024-09-18', '2024-07-10');
    expect(got.map((o) => [o.lowerBound, o.upperBound, o.changeBp])).toEqual([
      [5, 5.25, -25],
      [5.25, 5.5, 0],
    ]);
    expect(got[0].probability).toBeCloseTo(hand.pLow, 9);
    expect(got[1].probability).toBeCloseTo(hand.pHigh, 9);
    expect(got[0].probability.toFixed(3)).toBe('0.785');
  });

  it('dayCount: DECISION_DAY_OLD_RATE gives the old-rate figure, 85 %', async () => {
    const res = await api.query(`{ cutProbabilities(meeting: "2024-09-18", asOf: "2024-07-10", dayCount: DECISION_DAY_OLD_RATE) { dayCount outcomes { changeBp probability } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.cutProbabilities.dayCount).toMatch(/decision day carries the old rate/);
    expect(res.data.cutProbabilities.outcomes[0].probability).toBeCloseTo(handWorked('2024-07-10', 18).pLow, 9);
    expect(res.data.cutProbabilities.outcomes[0].probability).toBeCloseTo(0.85, 9);
  });

  it('says which meetings it resolved, which it assumed unchanged, and its day count', async () => {
    const r = await full('2024-09-18', '2024-07-10');
    expect(r).toMatchObject({ meeting: '2024-09-18', asOf: '2024-07-10', resolvedMeetings: ['2024-09-18'], assumedUnchangedMeetings: ['2024-07-31'] });
    expect(r.dayCount).toMatch(/CME FedWatch's day count/);
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 17, daysInMonth: 30, rStartSource: 'assumed unchanged (DFF)', rEndSource: 'ZQU24' });
    expect(r.meta.prices.ZQU24).toEqual({ date: '2024-07-10', value: 94.755 });
  });

  it('as of 2024-07-12 (after the June CPI): a cut of at least 25 bp is certain, 1.5 % for 50 bp', async () => {
    const hand = handWorked('2024-07-12');
    expect(hand.low).toBe(-2);
    const got = await outcomes('2024-09-18', '2024-07-12');
    expect(got.map((o) => o.changeBp)).toEqual([-50, -25]);
    expect(got[0].probability).toBeCloseTo(hand.pLow, 9);
    expect(got[1].probability).toBeCloseTo(hand.pHigh, 9);
    expect(got.filter((o) => o.changeBp <= -25).reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
    expect(got[0].probability.toFixed(3)).toBe('0.015');
  });

  it('asOf picks the prices of that day: 2024-07-11 differs from 2024-07-10, and a Saturday uses the Friday settlement', async () => {
    const thursday = await outcomes('2024-09-18', '2024-07-11');
    expect(thursday[0].probability).toBeCloseTo(handWorked('2024-07-11').pLow, 9);
    expect(await outcomes('2024-09-18', '2024-07-13')).toEqual(await outcomes('2024-09-18', '2024-07-12'));
  });

  it('December 2024 chains through November (ZQZ24 priced; November assumed unchanged, so its move is carried)', async () => {
    const r = await full('2024-12-18', '2024-07-12');
    expect(r.resolvedMeetings).toEqual(['2024-09-18', '2024-12-18']);
    expect(r.assumedUnchangedMeetings).toEqual(['2024-07-31', '2024-11-07']);
    const got = r.outcomes as { changeBp: number; probability: number }[];
    expect(got.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
    expect(got.every((o) => o.probability >= 0 && o.probability <= 1)).toBe(true);
    expect(got.every((o) => o.changeBp < 0)).toBe(true);
  });
});

describe('fomcMeetings', () => {
  it('lists the 2024 decision dates', async () => {
    const res = await api.query('{ fomcMeetings(from: "2024-01-01", to: "2024-12-31") }');
    expect(res.data.fomcMeetings).toEqual(['2024-01-31', '2024-03-20', '2024-05-01', '2024-06-12', '2024-07-31', '2024-09-18', '2024-11-07', '2024-12-18']);
  });
});
