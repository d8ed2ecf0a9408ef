// FedWatch probabilities recomputed by hand: prices → implied averages → r_end → 25 bp split → tree.
import { describe, expect, it } from 'vitest';
import { cutProbabilities } from '../../api/indicators/fedwatch.js';
import { parseFomcCalendar } from '../../api/indicators/fomc-calendar.js';
import { fedFundsContract } from '../../api/indicators/fed-funds-contracts.js';
import { IndicatorInputError } from '../../api/indicators/errors.js';
import { lastOnOrBefore } from '../../api/indicators/change.js';
import { loadColumn } from './helpers/data.js';

describe('CME worked example: 17 September 2015 meeting', () => {
  // CME Group's "Fed Funds Futures Probability Tree Calculator" paper: FFQ5 = 99.8675, FFU5 = 99.805,
  // N = 30, M = 16 days before the meeting; FFER(end) = 0.26643 and P(hike) = 53.6 %.
  const calendar = parseFomcCalendar('start_date,decision_date\n2015-07-28,2015-07-29\n2015-09-16,2015-09-17\n2015-10-27,2015-10-28\n');
  const prices: Record<string, number> = { ZQQ15: 99.8675, ZQU15: 99.805 };

  it('reproduces the published numbers', () => {
    const r = cutProbabilities({ meeting: '2015-09-17', asOf: '2015-08-14', price: (c) => prices[c] ?? null, targetUpper: 0.25, effectiveRate: 0.14, calendar });
    const rStart = 100 - 99.8675; // 0.1325, August has no meeting
    const avg = 100 - 99.805; // 0.195
    const rEnd = (30 / 14) * (avg - (16 / 30) * rStart); // 0.266428…
    expect(rEnd).toBeCloseTo(0.26643, 5);
    const pHike = (rEnd - rStart) / 0.25; // 0.535714…
    expect(pHike).toBeCloseTo(0.536, 3);
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 16, daysInMonth: 30, rStartSource: 'ZQQ15', rEndSource: 'ZQU15' });
    expect(r.meta.fallbacks).toEqual([]);
    expect(r.outcomes).toHaveLength(2);
    expect(r.outcomes[0]).toMatchObject({ lowerBound: 0, upperBound: 0.25, changeBp: 0 });
    expect(r.outcomes[1]).toMatchObject({ lowerBound: 0.25, upperBound: 0.5, changeBp: 25 });
    expect(r.outcomes[0].probability).toBeCloseTo(1 - pHike, 12);
    expect(r.outcomes[1].probability).toBeCloseTo(pHike, 12);
  });
});

describe('bundled data: September and December 2024 on 2024-07-12', () => {
  const zq = { ZQU24: loadColumn('zq_fed_funds_futures_ZQU24_daily_barchart.csv', 'last'), ZQZ24: loadColumn('zq_fed_funds_futures_ZQZ24_daily_barchart.csv', 'last') };
  const dff = loadColumn('dff_daily_fred.csv', 'DFF');
  const taru = loadColumn('dfedtaru_daily_fred.csv', 'DFEDTARU');
  const run = (meeting: string, asOf: string) =>
    cutProbabilities({
      meeting,
      asOf,
      price: (c) => (c in zq ? lastOnOrBefore(zq[c as keyof typeof zq], asOf)?.value ?? null : null),
      targetUpper: lastOnOrBefore(taru, asOf)!.value,
      effectiveRate: lastOnOrBefore(dff, asOf)!.value,
    });

  // On 2024-07-12: ZQU24 = 94.78, ZQZ24 = 95.175, DFF = 5.33, target 5.25–5.50.
  // No July (ZQN24) or August (ZQQ24) contract is bundled, so DFF is the rate going into the
  // 31 July meeting, which stays unresolved and is carried into September.
  const sepEnd = (30 / 13) * (5.22 - (17 / 30) * 5.33); // 18 Sep: d = 17 of N = 30 → 5.076154
  const sepSteps = (sepEnd - 5.33) / 0.25; // −1.015385 → −2 steps w.p. 0.015385, −1 step w.p. 0.984615
  const pSep50 = -1 - sepSteps;

  it('September: a 25 bp cut at ~98.5 %, 50 bp at ~1.5 %', () => {
    const r = run('2024-09-18', '2024-07-12');
    expect(r.meta.unresolvedMeetings).toEqual(['2024-07-31']);
    expect(r.meta.fallbacks).toMatchObject([{ meeting: '2024-07-31', used: 'DFF', value: 5.33 }]);
    expect(r.meta.steps[0].rEnd).toBeCloseTo(sepEnd, 12);
    expect(r.outcomes.map((o) => [o.lowerBound, o.upperBound, o.changeBp])).toEqual([[4.75, 5, -50], [5, 5.25, -25]]);
    expect(r.outcomes[0].probability).toBeCloseTo(pSep50, 12);
    expect(r.outcomes[1].probability).toBeCloseTo(1 - pSep50, 12);
    expect(pSep50).toBeCloseTo(0.015385, 6);
  });

  it('December chains September through the tree (November carried, no ZQX24)', () => {
    const r = run('2024-12-18', '2024-07-12');
    expect(r.meta.unresolvedMeetings).toEqual(['2024-07-31', '2024-11-07']);
    const decEnd = (31 / 14) * (4.825 - (17 / 31) * sepEnd); // 18 Dec: d = 17 of N = 31 → 4.520027
    const decSteps = (decEnd - sepEnd) / 0.25; // −2.224505 → −3 w.p. 0.224505, −2 w.p. 0.775495
    const p3 = -2 - decSteps;
    const expected = [
      [-125, pSep50 * p3],
      [-100, pSep50 * (1 - p3) + (1 - pSep50) * p3],
      [-75, (1 - pSep50) * (1 - p3)],
    ];
    expect(r.outcomes.map((o) => o.changeBp)).toEqual(expected.map(([bp]) => bp));
    r.outcomes.forEach((o, i) => expect(o.probability).toBeCloseTo(expected[i][1], 12));
    expect(r.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
  });

  it('2024-07-10 vs 2024-07-12: the CPI release of 11 July raised the September cut odds', () => {
    const before = run('2024-09-18', '2024-07-10').outcomes;
    const after = run('2024-09-18', '2024-07-12').outcomes;
    const cut = (os: typeof before) => os.filter((o) => o.changeBp < 0).reduce((s, o) => s + o.probability, 0);
    // 5.245 → r_end = (30/13)·(5.245 − (17/30)·5.33) = 5.133846; (5.133846 − 5.33)/0.25 = −0.784615
    expect(cut(before)).toBeCloseTo(0.784615, 6);
    expect(cut(after)).toBeCloseTo(1, 12);
  });

  it('rejects a date that is not a meeting, a past meeting, and a missing contract', () => {
    expect(() => run('2024-09-19', '2024-07-12')).toThrow(/not a scheduled FOMC decision date.*2024-09-18/);
    expect(() => run('2024-06-12', '2024-07-12')).toThrow(IndicatorInputError);
    try {
      run('2025-01-29', '2024-07-12');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IndicatorInputError);
      expect((e as IndicatorInputError).code).toBe('NOT_FOUND');
      expect((e as Error).message).toContain('ZQF25');
    }
  });

  it('names contracts by CME month code', () => {
    expect(['2024-01', '2024-09', '2024-12', '2025-06'].map(fedFundsContract)).toEqual(['ZQF24', 'ZQU24', 'ZQZ24', 'ZQM25']);
  });
});
