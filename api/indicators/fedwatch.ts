// Market-implied probabilities of target ranges after an FOMC meeting, by CME FedWatch's method.
//
// For a meeting on day D of a month with N days, the month's contract prices the average rate
//   avg = (d/N)·r_start + ((N−d)/N)·r_end,
// where d is the number of days at the old rate. Day count (stated, and checked against the
// bundled DFF and DFEDTARU, which move on the day AFTER every decision of 2022–2024): the decision
// day itself carries the old rate, so d = D. CME's own worked example (17 Sep 2015: N = 30, 16 days
// "before the meeting") counts the decision day at the new rate, d = D − 1; `dayCount:
// 'DECISION_DAY_NEW_RATE'` reproduces it. The API uses the first, the rate the contract settles on.
//
// r_start: the previous month's implied rate when that month has no meeting and its contract is
// priced; otherwise the previous meeting's r_end (chained); for the first meeting with neither,
// the effective fed funds rate known on asOf (DFF), recorded in meta.fallbacks.
// r_end: solved from the meeting month's contract; when that contract is missing, the next
// month's implied rate if that month has no meeting. A meeting with no usable contract cannot be
// resolved: it is assumed unchanged (meta.assumedUnchangedMeetings), and the next resolved meeting
// carries any move the market expects by then. meta.resolvedMeetings lists the others.
import { IndicatorInputError } from './errors.js';
import { addMonths, daysInMonth, fedFundsContract, impliedRate, monthOf } from './fed-funds-contracts.js';
import { fomcMeetings, requireMeeting, type FomcMeeting } from './fomc-calendar.js';
import { chain, splitChange, STEP, toOutcomes, type RateOutcome } from './rate-outcomes.js';
import { assertIsoDate } from './validate.js';

export type { RateOutcome };

export interface FedWatchInput {
  /** Decision date of the meeting asked about. */
  meeting: string;
  asOf: string;
  /** Settlement price on asOf of a contract given by its ticker (e.g. `ZQU24`), or null if none. */
  price: (contract: string) => number | null;
  /** Upper bound of the target range in force on asOf (DFEDTARU); the lower bound is 0.25 below. */
  targetUpper: number;
  /** Effective fed funds rate known on asOf (DFF), used when no contract gives r_start. */
  effectiveRate: number | null;
  calendar?: FomcMeeting[];
  /** Which rate the decision day carries; DECISION_DAY_OLD_RATE (the default) matches DFF. */
  dayCount?: DayCount;
}

export type DayCount = 'DECISION_DAY_OLD_RATE' | 'DECISION_DAY_NEW_RATE';

const DAY_COUNT_TEXT: Record<DayCount, string> = {
  DECISION_DAY_OLD_RATE: 'the decision day carries the old rate; the new rate applies from the next day (as DFF shows)',
  DECISION_DAY_NEW_RATE: "the decision day carries the new rate (CME's worked example)",
};

export interface MeetingStep {
  meeting: string;
  contract: string;
  /** Days of the meeting month at the old rate (d). */
  daysBefore: number;
  daysInMonth: number;
  rStart: number;
  rStartSource: string;
  rEnd: number;
  rEndSource: string;
  expectedChangeBp: number;
}

export interface FedWatchResult {
  outcomes: RateOutcome[];
  meta: {
    meeting: string;
    asOf: string;
    currentTarget: { lowerBound: number; upperBound: number };
    dayCount: { convention: DayCount; rule: string };
    steps: MeetingStep[];
    /** Meetings on the way whose move was solved from a contract. */
    resolvedMeetings: string[];
    /** Meetings on the way with no usable contract, taken as no change (their expected move lands in the next resolved one). */
    assumedUnchangedMeetings: string[];
    fallbacks: { meeting: string; used: 'DFF'; value: number; reason: string }[];
  };
}

export function cutProbabilities(input: FedWatchInput): FedWatchResult {
  const calendar = input.calendar ?? fomcMeetings();
  assertIsoDate('meeting', input.meeting);
  assertIsoDate('asOf', input.asOf);
  requireMeeting(input.meeting, calendar);
  if (input.meeting <= input.asOf) {
    throw new IndicatorInputError('meeting', `the ${input.meeting} meeting is not after asOf ${input.asOf}; pick a later meeting or an earlier asOf.`);
  }
  if (!Number.isFinite(input.targetUpper)) {
    throw new IndicatorInputError('asOf', `no target range (DFEDTARU) is known on ${input.asOf}.`, 'NO_DATA');
  }
  const meetingMonths = new Set(calendar.map((m) => monthOf(m.decisionDate)));
  const path = calendar.filter((m) => m.decisionDate > input.asOf && m.decisionDate <= input.meeting);
  const lower = input.targetUpper - STEP;
  const meta: FedWatchResult['meta'] = {
    meeting: input.meeting,
    asOf: input.asOf,
    currentTarget: { lowerBound: lower, upperBound: input.targetUpper },
    dayCount: { convention: input.dayCount ?? 'DECISION_DAY_OLD_RATE', rule: DAY_COUNT_TEXT[input.dayCount ?? 'DECISION_DAY_OLD_RATE'] },
    steps: [],
    resolvedMeetings: [],
    assumedUnchangedMeetings: [],
    fallbacks: [],
  };
  const priced = (month: string) => {
    const p = input.price(fedFundsContract(month));
    return p !== null && Number.isFinite(p) ? p : null;
  };

  let dist = new Map<number, number>([[0, 1]]);
  let level: number | null = null; // expected rate after the last resolved meeting
  let levelSource = '';
  for (const m of path) {
    const month = monthOf(m.decisionDate);
    const prev = addMonths(month, -1);
    const next = addMonths(month, 1);
    const N = daysInMonth(month);
    const D = Number(m.decisionDate.slice(8, 10));
    const d = meta.dayCount.convention === 'DECISION_DAY_OLD_RATE' ? D : D - 1;

    let rStart: number;
    let rStartSource: string;
    const prevPrice = meetingMonths.has(prev) ? null : priced(prev);
    if (prevPrice !== null) [rStart, rStartSource] = [impliedRate(prevPrice), fedFundsContract(prev)];
    else if (level !== null) [rStart, rStartSource] = [level, levelSource];
    else if (input.effectiveRate !== null && Number.isFinite(input.effectiveRate)) {
      [rStart, rStartSource] = [input.effectiveRate, 'DFF'];
      meta.fallbacks.push({ meeting: m.decisionDate, used: 'DFF', value: input.effectiveRate, reason: `no price for ${fedFundsContract(prev)} or an earlier meeting's rate` });
    } else {
      throw new IndicatorInputError('asOf', `no rate going into the ${m.decisionDate} meeting: neither ${fedFundsContract(prev)} nor DFF is available on ${input.asOf}.`, 'NO_DATA');
    }

    let rEnd: number | null = null;
    let rEndSource = '';
    const own = priced(month);
    const after = meetingMonths.has(next) ? null : priced(next);
    if (own !== null && d < N) [rEnd, rEndSource] = [((impliedRate(own) - (d / N) * rStart) * N) / (N - d), fedFundsContract(month)];
    else if (after !== null) [rEnd, rEndSource] = [impliedRate(after), fedFundsContract(next)];

    if (rEnd === null) {
      if (m.decisionDate === input.meeting) {
        const why = own !== null
          ? `the ${m.decisionDate} decision falls on the last day of its month, so ${fedFundsContract(month)} prices none of the new rate; a price of ${fedFundsContract(next)} on ${input.asOf} is needed`
          : `no fed funds futures price on ${input.asOf} for ${fedFundsContract(month)} (or ${fedFundsContract(next)}), needed for the ${m.decisionDate} meeting`;
        throw new IndicatorInputError('meeting', `${why}.`, 'NO_DATA');
      }
      meta.assumedUnchangedMeetings.push(m.decisionDate);
      if (level === null) [level, levelSource] = [rStart, rStartSource];
      continue;
    }
    meta.resolvedMeetings.push(m.decisionDate);
    meta.steps.push({ meeting: m.decisionDate, contract: fedFundsContract(month), daysBefore: d, daysInMonth: N, rStart, rStartSource, rEnd, rEndSource, expectedChangeBp: (rEnd - rStart) * 100 });
    dist = chain(dist, splitChange(rEnd - rStart));
    [level, levelSource] = [rEnd, `r_end of ${m.decisionDate}`];
  }
  return { outcomes: toOutcomes(dist, lower), meta };
}
