// FedWatch probabilities recomputed by hand: prices → implied averages → r_end → 25 bp split → tree.
import { describe, expect, it } from 'vitest';
import { cutProbabilities } from '../../api/indicators/fedwatch.js';
import { parseFomcCalendar } from '../../api/indicators/fomc-calendar.js';
import { fedFundsContract } from '../../api/indicators/fed-funds-contracts.js';
import { IndicatorInputError } from '../../api/indicators/errors.js';
import { lastOnOrBefore } from '../../api/indicators/change.js';
import { readFileSync } from 'node:fs';
import { loadColumn } from './helpers/data.js';

describe('CME worked example: 17 September 2015 meeting', () => {
  // CME Group's "Fed Funds Futures Probability Tree Calculator" paper: FFQ5 = 99.8675, FFU5 = 99.805,
  // N = 30, M = 16 days before the meeting; FFER(end) = 0.26643 and P(hike) = 53.6 %.
  const calendar = parseFomcCalendar('start_date,decision_date\n2015-07-28,2015-07-29\n2015-09-16,2015-09-17\n2015-10-27,2015-10-28\n');
  const prices: Record<string, number> = { ZQQ15: 99.8675, ZQU15: 99.805 };

  it('reproduces the published numbers', () => {
    // CME counts the decision day at the new rate; Tide's default (checked against DFF below) does not.
    const r = cutProbabilities({ meeting: '2015-09-17', asOf: '2015-08-14', price: (c) => prices[c] ?? null, targetUpper: 0.25, effectiveRate: 0.14, calendar, dayCount: 'DECISION_DAY_NEW_RATE' });
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
  // 31 July meeting, which is assumed unchanged; September carries any move expected by then.
  // Day count: 18 Sep is day D = 18 of N = 30 and carries the old rate, so d = 18 days at 5.33.
  const sepEnd = (30 / 12) * (5.22 - (18 / 30) * 5.33); // → 5.055
  const sepSteps = (sepEnd - 5.33) / 0.25; // −1.1 → −2 steps w.p. 0.1, −1 step w.p. 0.9
  const pSep50 = -1 - sepSteps;

  it('September: a 25 bp cut at 90 %, 50 bp at 10 %; meta names resolved and assumed-unchanged meetings', () => {
    const r = run('2024-09-18', '2024-07-12');
    expect(r.meta.assumedUnchangedMeetings).toEqual(['2024-07-31']);
    expect(r.meta.resolvedMeetings).toEqual(['2024-09-18']);
    expect(r.meta.dayCount.convention).toBe('DECISION_DAY_OLD_RATE');
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 18, daysInMonth: 30 });
    expect(r.meta.fallbacks).toMatchObject([{ meeting: '2024-07-31', used: 'DFF', value: 5.33 }]);
    expect(r.meta.steps[0].rEnd).toBeCloseTo(sepEnd, 12);
    expect(r.outcomes.map((o) => [o.lowerBound, o.upperBound, o.changeBp])).toEqual([[4.75, 5, -50], [5, 5.25, -25]]);
    expect(r.outcomes[0].probability).toBeCloseTo(pSep50, 12);
    expect(r.outcomes[1].probability).toBeCloseTo(1 - pSep50, 12);
    expect(pSep50).toBeCloseTo(0.1, 9);
  });

  it('December chains September through the tree (November carried, no ZQX24)', () => {
    const r = run('2024-12-18', '2024-07-12');
    expect(r.meta.assumedUnchangedMeetings).toEqual(['2024-07-31', '2024-11-07']);
    expect(r.meta.resolvedMeetings).toEqual(['2024-09-18', '2024-12-18']);
    const decEnd = (31 / 13) * (4.825 - (18 / 31) * sepEnd); // 18 Dec: d = 18 of N = 31 → 4.31673
    const decSteps = (decEnd - sepEnd) / 0.25; // −2.953 → −3 w.p. 0.953, −2 w.p. 0.047
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
    // 5.245 → r_end = (30/12)·(5.245 − (18/30)·5.33) = 5.1175; (5.1175 − 5.33)/0.25 = −0.85
    expect(cut(before)).toBeCloseTo(0.85, 9);
    expect(before.map((o) => [o.changeBp, Number(o.probability.toFixed(9))])).toEqual([[-25, 0.85], [0, 0.15]]);
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
      expect((e as IndicatorInputError).code).toBe('NO_DATA');
      expect((e as Error).message).toContain('ZQF25');
    }
  });

  it('the stated day count matches the bundled DFF and DFEDTARU: every change of 2022–2024 lands the day after a decision', () => {
    const meetings = parseFomcCalendar(readFileSync(new URL('../../data/fomc_meetings.csv', import.meta.url), 'utf8'));
    const decisions = new Set(meetings.map((m) => m.decisionDate));
    const dayBefore = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // DFEDTARU changes only when the FOMC moves; DFF also drifts by a basis point or two on its own.
    const targetMoves = taru.dates.filter((d, i) => i > 0 && taru.values[i] !== null && taru.values[i - 1] !== null && taru.values[i] !== taru.values[i - 1]);
    expect(targetMoves.length).toBe(14);
    for (const d of targetMoves) expect(decisions.has(dayBefore(d)), `${d} follows a decision`).toBe(true);
    // On each decision day DFF still shows the old rate, and the next day moves by at least 20 bp.
    for (const d of targetMoves) {
      const i = dff.dates.indexOf(d);
      expect(Math.abs(dff.values[i]! - dff.values[i - 1]!), `DFF ${d}`).toBeGreaterThanOrEqual(0.2);
      expect(dff.values[i - 1]).toBe(dff.values[i - 2]);
    }
  });

  it('names contracts by CME month code', () => {
    expect(['2024-01', '2024-09', '2024-12', '2025-06'].map(fedFundsContract)).toEqual(['ZQF24', 'ZQU24', 'ZQZ24', 'ZQM25']);
  });
});

describe('a decision on the last day of its month', () => {
  // With the decision day at the old rate, the month's contract holds none of the new rate, so the
  // move must come from the next month's contract (here August, which has no meeting).
  const calendar = parseFomcCalendar('start_date,decision_date\n2024-07-30,2024-07-31\n2024-09-17,2024-09-18\n');
  const run = (prices: Record<string, number>) =>
    cutProbabilities({ meeting: '2024-07-31', asOf: '2024-07-10', price: (c) => prices[c] ?? null, targetUpper: 5.5, effectiveRate: 5.33, calendar });

  it('solves r_end from the next month\'s contract', () => {
    const r = run({ ZQN24: 94.67, ZQQ24: 94.70 });
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 31, daysInMonth: 31, rEndSource: 'ZQQ24' });
    expect(r.meta.steps[0].rEnd).toBeCloseTo(5.3, 12);
  });

  it('says why the month\'s own contract is not enough', () => {
    expect(() => run({ ZQN24: 94.67 })).toThrow(/last day of its month, so ZQN24 prices none of the new rate; a price of ZQQ24/);
  });
});
