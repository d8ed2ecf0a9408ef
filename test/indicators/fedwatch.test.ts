// FedWatch probabilities recomputed by hand: prices → implied averages → r_end → 25 bp split → tree.
import { describe, expect, it } from 'vitest';
import { cutProbabilities, type DayCount } from '../../api/indicators/fedwatch.js';
import { parseFomcCalendar } from '../../api/indicators/fomc-calendar.js';
import { fedFundsContract } from '../../api/indicators/fed-funds-contracts.js';
import { IndicatorInputError } from '../../api/indicators/errors.js';
import { lastOnOrBefore } from '../../api/indicators/change.js';
import { readFileSync } from 'node:fs';
import { loadColumn } from './helpers/data.js';

describe('CME worked example: 17 September 2015 meeting', () => {
  // CME Group, "CME FedWatch Tool – Fed Funds Futures Probability Tree Calculator" (J. Lao, A. Mirza;
  // the methodology of cmegroup.com/education/demos-and-tutorials/fed-funds-futures-probability-tree-calculator.html):
  // FFQ5 = 99.8675, FFU5 = 99.805, N = 30, M = 16 days before the 17 Sep meeting (the decision day
  // counts at the new rate); FFER(end) = 30/14·[0.195 − (16/30)·0.1325] = 0.26643, P(hike) = 53.6 %.
  const calendar = parseFomcCalendar('start_date,decision_date\n2015-07-28,2015-07-29\n2015-09-16,2015-09-17\n2015-10-27,2015-10-28\n');
  const prices: Record<string, number> = { ZQQ15: 99.8675, ZQU15: 99.805 };

  it('reproduces the published numbers with the default day count', () => {
    const r = cutProbabilities({ meeting: '2015-09-17', asOf: '2015-08-14', price: (c) => prices[c] ?? null, targetUpper: 0.25, effectiveRate: 0.14, calendar });
    expect(r.meta.dayCount.convention).toBe('DECISION_DAY_NEW_RATE');
    const rStart = 100 - 99.8675; // 0.1325, August has no meeting
    const avg = 100 - 99.805; // 0.195
    const rEnd = (30 / 14) * (avg - (16 / 30) * rStart); // 0.266428…
    expect(rEnd).toBeCloseTo(0.26643, 5);
    const pHike = (rEnd - rStart) / 0.25; // 0.535714…
    expect(pHike).toBeCloseTo(0.536, 3);
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 16, daysInMonth: 30, rStartSource: 'ZQQ15', rEndSource: 'ZQU15' });
    expect(r.meta.steps[0].rEnd).toBeCloseTo(0.26643, 5);
    expect(r.meta.fallbacks).toEqual([]);
    expect(r.outcomes).toHaveLength(2);
    expect(r.outcomes[0]).toMatchObject({ lowerBound: 0, upperBound: 0.25, changeBp: 0 });
    expect(r.outcomes[1]).toMatchObject({ lowerBound: 0.25, upperBound: 0.5, changeBp: 25 });
    expect(r.outcomes[0].probability).toBeCloseTo(1 - pHike, 12);
    expect(r.outcomes[1].probability).toBeCloseTo(pHike, 12);
    expect(r.outcomes[1].probability.toFixed(3)).toBe('0.536');
  });

  it('the decision-day-at-the-old-rate option leaves 17 days at the old rate and a different answer', () => {
    const r = cutProbabilities({ meeting: '2015-09-17', asOf: '2015-08-14', price: (c) => prices[c] ?? null, targetUpper: 0.25, effectiveRate: 0.14, calendar, dayCount: 'DECISION_DAY_OLD_RATE' });
    const rEnd = (30 / 13) * (0.195 - (17 / 30) * 0.1325);
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 17, daysInMonth: 30 });
    expect(r.outcomes[1].probability).toBeCloseTo((rEnd - 0.1325) / 0.25, 12); // 0.5769…, not CME's 0.536
    expect(r.outcomes[1].probability).not.toBeCloseTo(0.536, 2);
  });
});

const zq = { ZQU24: loadColumn('zq_fed_funds_futures_ZQU24_daily_barchart.csv', 'last'), ZQZ24: loadColumn('zq_fed_funds_futures_ZQZ24_daily_barchart.csv', 'last') };
const dff = loadColumn('dff_daily_fred.csv', 'DFF');
const taru = loadColumn('dfedtaru_daily_fred.csv', 'DFEDTARU');
const run = (meeting: string, asOf: string, dayCount?: DayCount) =>
  cutProbabilities({
    meeting,
    asOf,
    price: (c) => (c in zq ? (lastOnOrBefore(zq[c as keyof typeof zq], asOf)?.value ?? null) : null),
    targetUpper: lastOnOrBefore(taru, asOf)!.value,
    effectiveRate: lastOnOrBefore(dff, asOf)!.value,
    dayCount,
  });
const byBp = (r: ReturnType<typeof run>) => Object.fromEntries(r.outcomes.map((o) => [o.changeBp, o.probability]));

describe('bundled data: September and December 2024 on 2024-07-12', () => {
  // On 2024-07-12: ZQU24 = 94.78, ZQZ24 = 95.175, DFF = 5.33, target 5.25–5.50.
  // No July (ZQN24), August (ZQQ24) or October (ZQV24) contract is bundled: nothing prices the
  // 31 July meeting, so DFF is the rate going into it and it is assumed unchanged.
  // CME's day count: 18 Sep is day D = 18 of N = 30 and carries the new rate, so d = 17 days at 5.33.
  const sepEnd = (30 / 13) * (5.22 - (17 / 30) * 5.33); // → 5.07615
  const sepSteps = (sepEnd - 5.33) / 0.25; // −1.0154 → −2 steps w.p. 0.0154, −1 step w.p. 0.9846
  const pSep50 = -1 - sepSteps;

  it('September: a 25 bp cut at 98.5 %, 50 bp at 1.5 %; meta names resolved and assumed-unchanged meetings', () => {
    const r = run('2024-09-18', '2024-07-12');
    expect(r.meta.assumedUnchangedMeetings).toEqual(['2024-07-31']);
    expect(r.meta.resolvedMeetings).toEqual(['2024-09-18']);
    expect(r.meta.dayCount.convention).toBe('DECISION_DAY_NEW_RATE');
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 17, daysInMonth: 30 });
    expect(r.meta.fallbacks).toMatchObject([{ meeting: '2024-07-31', used: 'DFF', value: 5.33 }]);
    expect(r.meta.steps[0].rEnd).toBeCloseTo(sepEnd, 12);
    expect(r.outcomes.map((o) => [o.lowerBound, o.upperBound, o.changeBp])).toEqual([
      [4.75, 5, -50],
      [5, 5.25, -25],
    ]);
    expect(r.outcomes[0].probability).toBeCloseTo(pSep50, 12);
    expect(r.outcomes[1].probability).toBeCloseTo(1 - pSep50, 12);
    expect(pSep50).toBeCloseTo(0.0154, 4);
  });

  it("the old-rate option reproduces the figures Tide gave before CME's day count: 90 % / 10 %", () => {
    const r = run('2024-09-18', '2024-07-12', 'DECISION_DAY_OLD_RATE');
    const end = (30 / 12) * (5.22 - (18 / 30) * 5.33); // 5.055 → −1.1 steps
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 18, daysInMonth: 30 });
    expect(r.meta.steps[0].rEnd).toBeCloseTo(end, 12);
    expect(byBp(r)[-50]).toBeCloseTo(0.1, 9);
    expect(r.meta.dayCount.rule).toMatch(/decision day carries the old rate/);
  });

  it('December: no ZQX24 prices November, so it is assumed unchanged and December carries its move', () => {
    const r = run('2024-12-18', '2024-07-12');
    expect(r.meta.assumedUnchangedMeetings).toEqual(['2024-07-31', '2024-11-07']);
    expect(r.meta.resolvedMeetings).toEqual(['2024-09-18', '2024-12-18']);
    const decEnd = (31 / 14) * (4.825 - (17 / 31) * sepEnd); // 18 Dec: d = 17 of N = 31
    const decSteps = (decEnd - sepEnd) / 0.25;
    const low = Math.floor(decSteps);
    const pLow = 1 - (decSteps - low);
    const tree = new Map<number, number>();
    for (const [s0, p0] of [
      [-2, pSep50],
      [-1, 1 - pSep50],
    ])
      for (const [s1, p1] of [
        [low, pLow],
        [low + 1, 1 - pLow],
      ])
        tree.set((s0 + s1) * 25, (tree.get((s0 + s1) * 25) ?? 0) + p0 * p1);
    const expected = [...tree.entries()].filter(([, p]) => p > 0).sort(([a], [b]) => a - b);
    expect(r.outcomes.map((o) => o.changeBp)).toEqual(expected.map(([bp]) => bp));
    r.outcomes.forEach((o, i) => expect(o.probability).toBeCloseTo(expected[i][1], 12));
    expect(r.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
  });

  it('2024-07-10 vs 2024-07-12: the CPI release of 11 July raised the September cut odds', () => {
    const before = run('2024-09-18', '2024-07-10').outcomes;
    const after = run('2024-09-18', '2024-07-12').outcomes;
    const cut = (os: typeof before) => os.filter((o) => o.changeBp < 0).reduce((s, o) => s + o.probability, 0);
    // 5.245 → r_end = (30/13)·(5.245 − (17/30)·5.33) = 5.13385; (5.13385 − 5.33)/0.25 = −0.7846
    expect(cut(before)).toBeCloseTo((5.33 - (30 / 13) * (5.245 - (17 / 30) * 5.33)) / 0.25, 9);
    expect(before.map((o) => [o.changeBp, Number(o.probability.toFixed(3))])).toEqual([
      [-25, 0.785],
      [0, 0.215],
    ]);
    expect(cut(after)).toBeCloseTo(1, 12);
    // The old-rate count gave 0.85 on 2024-07-10 (Tide before CME's day count).
    expect(cut(run('2024-09-18', '2024-07-10', 'DECISION_DAY_OLD_RATE').outcomes)).toBeCloseTo(0.85, 9);
  });

  it("2024-08-05 (after the July meeting): −50 bp 0.692, −75 bp 0.308 with CME's count; 0.50 each with the old-rate count", () => {
    // ZQU24 = 94.92 → 5.08; DFF 5.33; r_end = (30/13)·(5.08 − (17/30)·5.33) = 4.75308 → −2.3077 steps
    const r = run('2024-09-18', '2024-08-05');
    expect(r.meta.assumedUnchangedMeetings).toEqual([]);
    expect(byBp(r)[-50]).toBeCloseTo(1 - (2.3077 - 2), 3);
    expect(byBp(r)[-50].toFixed(3)).toBe('0.692');
    const old = byBp(run('2024-09-18', '2024-08-05', 'DECISION_DAY_OLD_RATE'));
    expect(old[-50]).toBeCloseTo(0.5, 9);
    expect(old[-75]).toBeCloseTo(0.5, 9);
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

describe('compared with published FedWatch probabilities (September 2024 meeting)', () => {
  // What CME's tool showed, as quoted the same or the next day. Tide here has only ZQU24 and DFF (no
  // July or August contract is bundled, so the rate going into September is DFF, not CME's ZQQ24),
  // and the bundled prices are Barchart's daily "last": agreement within 0.1 is what to expect.
  const published: { asOf: string; source: string; cme: Record<number, number> }[] = [
    // CNBC, "Traders see the odds of a Fed rate cut by September at 100%", 2024-07-16 (before that day's settlement).
    { asOf: '2024-07-15', source: 'CNBC 2024-07-16', cme: { [-25]: 0.933, [-50]: 0.067 } },
    // Jubak Picks, "CPI inflation report this week is one last barrier to September interest rate cut": "As of Friday, August 9 … odds of a super 50 basis point cut stood at 48.5%".
    { asOf: '2024-08-09', source: 'jubakpicks.com, as of 2024-08-09', cme: { [-25]: 0.515, [-50]: 0.485 } },
    // mintmarketcap.com news 4884, 2024-08-20 06:26 (UTC+8), i.e. the 19 Aug session; Tide's last bundled settlement is 16 Aug.
    { asOf: '2024-08-19', source: 'mintmarketcap.com 2024-08-20', cme: { [-25]: 0.77, [-50]: 0.23 } },
  ];
  for (const p of published) {
    it(`${p.asOf} (${p.source}): within 0.1 of CME, and CME's day count is closer than the old-rate count`, () => {
      const tide = byBp(run('2024-09-18', p.asOf));
      const old = byBp(run('2024-09-18', p.asOf, 'DECISION_DAY_OLD_RATE'));
      const gap = (x: Record<number, number>) => Math.max(...[-25, -50].map((bp) => Math.abs((x[bp] ?? 0) - p.cme[bp])));
      expect(gap(tide)).toBeLessThan(0.1);
      expect(gap(tide)).toBeLessThan(gap(old));
    });
  }
});

describe('a decision on the last day of its month', () => {
  // With the decision day at the old rate, the month's contract holds none of the new rate: it is the
  // rate going into the meeting, and the move must come from the next month's contract (here
  // August, which has no meeting).
  const calendar = parseFomcCalendar('start_date,decision_date\n2024-07-30,2024-07-31\n2024-09-17,2024-09-18\n');
  const run = (prices: Record<string, number>, dayCount?: DayCount) =>
    cutProbabilities({ meeting: '2024-07-31', asOf: '2024-07-10', price: (c) => prices[c] ?? null, targetUpper: 5.5, effectiveRate: 5.33, calendar, dayCount });

  it("old-rate count: the month's contract is r_start, the next month's is r_end", () => {
    const r = run({ ZQN24: 94.67, ZQQ24: 94.7 }, 'DECISION_DAY_OLD_RATE');
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 31, daysInMonth: 31, rStartSource: 'ZQN24', rEndSource: 'ZQQ24' });
    expect(r.meta.steps[0].rStart).toBeCloseTo(5.33, 12);
    expect(r.meta.steps[0].rEnd).toBeCloseTo(5.3, 12);
    expect(r.meta.fallbacks).toEqual([]);
  });

  it('CME count: the 31st carries the new rate, so r_start is solved backward from ZQN24 and ZQQ24', () => {
    const r = run({ ZQN24: 94.67, ZQQ24: 94.7 });
    expect(r.meta.steps[0]).toMatchObject({ daysBefore: 30, daysInMonth: 31, rEndSource: 'ZQQ24' });
    expect(r.meta.steps[0].rStart).toBeCloseTo((5.33 - (1 / 31) * 5.3) / (30 / 31), 12);
    expect(r.meta.steps[0].rStartSource).toMatch(/^ZQN24 \(backward from ZQQ24\)/);
  });

  it("says why the month's own contract is not enough", () => {
    expect(() => run({ ZQN24: 94.67 }, 'DECISION_DAY_OLD_RATE')).toThrow(/last day of its month, so ZQN24 prices none of the new rate; a price of ZQQ24/);
  });
});

describe('chaining: a meeting with no contract of its own is priced from the following months', () => {
  // Contracts as a vendor file of one day would hold them, September and October 2024 missing:
  // August (no meeting) gives the rate going into 18 Sep; February 2025 (no meeting) the rate after
  // 29 Jan; the three meeting months in between chain backward to the end of September.
  const calendar = parseFomcCalendar(readFileSync(new URL('../../data/fomc_meetings.csv', import.meta.url), 'utf8'));
  const prices: Record<string, number> = { ZQQ24: 94.67, ZQX24: 95.05, ZQZ24: 95.4, ZQF25: 95.7, ZQG25: 95.8 };
  const input = { asOf: '2024-08-16', price: (c: string) => prices[c] ?? null, targetUpper: 5.5, effectiveRate: 5.33, calendar };
  // Independent arithmetic, CME's day count (d = D − 1):
  const L0 = 100 - prices.ZQQ24; // 5.33
  const L4 = 100 - prices.ZQG25; // 4.20, after 29 Jan
  const L3 = (100 - prices.ZQF25 - (3 / 31) * L4) / (28 / 31); // Jan: d = 28 of 31 → after 18 Dec
  const L2 = (100 - prices.ZQZ24 - (14 / 31) * L3) / (17 / 31); // Dec: d = 17 of 31 → after 7 Nov
  const L1 = (100 - prices.ZQX24 - (24 / 30) * L2) / (6 / 30); // Nov: d = 6 of 30 → after 18 Sep

  it('September is resolved (not assumed unchanged) from ZQX24 chained back from ZQG25', () => {
    const r = cutProbabilities({ ...input, meeting: '2024-09-18' });
    expect(r.meta.assumedUnchangedMeetings).toEqual([]);
    expect(r.meta.fallbacks).toEqual([]);
    expect(r.meta.steps[0]).toMatchObject({ meeting: '2024-09-18', rStartSource: 'ZQQ24' });
    expect(r.meta.steps[0].rEndSource).toMatch(/^ZQX24 \(backward from ZQZ24/);
    expect(r.meta.steps[0].rStart).toBeCloseTo(L0, 12);
    expect(r.meta.steps[0].rEnd).toBeCloseTo(L1, 12);
    const steps = (L1 - L0) / 0.25;
    const low = Math.floor(steps);
    expect(Object.fromEntries(r.outcomes.map((o) => [o.changeBp, o.probability]))).toEqual({ [low * 25]: expect.closeTo(1 - (steps - low), 12), [(low + 1) * 25]: expect.closeTo(steps - low, 12) });
  });

  it('December chains through September and November with the same levels', () => {
    const r = cutProbabilities({ ...input, meeting: '2024-12-18' });
    expect(r.meta.resolvedMeetings).toEqual(['2024-09-18', '2024-11-07', '2024-12-18']);
    expect(r.meta.steps.map((s) => s.rEnd)).toEqual([expect.closeTo(L1, 12), expect.closeTo(L2, 12), expect.closeTo(L3, 12)]);
    expect(r.outcomes.reduce((s, o) => s + o.probability, 0)).toBeCloseTo(1, 12);
  });

  it('without the anchors the same meeting is assumed unchanged, and said so', () => {
    const r = cutProbabilities({ ...input, meeting: '2024-11-07', price: (c: string) => (c === 'ZQX24' ? prices[c] : null) });
    expect(r.meta.assumedUnchangedMeetings).toEqual(['2024-09-18']);
    expect(r.meta.fallbacks).toMatchObject([{ used: 'DFF', value: 5.33 }]);
  });
});
