// Market-implied probabilities of target ranges after an FOMC meeting, by CME FedWatch's method.
//
// The expected rate after each meeting on the way comes from the fed funds futures
// (fedwatch-levels.ts: CME's day count by default, chaining across meetings both ways); each
// meeting's expected move is split into whole 25 bp steps and the meetings are chained through the
// probability tree (rate-outcomes.ts). A meeting no contract prices at all is taken as unchanged and
// listed in meta.assumedUnchangedMeetings; meta.resolvedMeetings lists the others.
import { IndicatorInputError } from './errors.js';
import { DAY_COUNT_TEXT, DEFAULT_DAY_COUNT, solveLevels, type DayCount, type MeetingLevels } from './fedwatch-levels.js';
import { fomcMeetings, requireMeeting, type FomcMeeting } from './fomc-calendar.js';
import { chain, splitChange, STEP, toOutcomes, type RateOutcome } from './rate-outcomes.js';
import { assertIsoDate } from './validate.js';

export type { RateOutcome, DayCount };

export interface FedWatchInput {
  /** Decision date of the meeting asked about. */
  meeting: string;
  asOf: string;
  /** Settlement price on asOf of a contract given by its ticker (e.g. `ZQU24`), or null if none. */
  price: (contract: string) => number | null;
  /** Upper bound of the target range in force on asOf (DFEDTARU); the lower bound is 0.25 below. */
  targetUpper: number;
  /** Effective fed funds rate known on asOf (DFF), used when no contract gives the first r_start. */
  effectiveRate: number | null;
  calendar?: FomcMeeting[];
  /** Which rate the decision day carries; DECISION_DAY_NEW_RATE (CME's, the default) or DECISION_DAY_OLD_RATE. */
  dayCount?: DayCount;
}

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
    /** Meetings on the way whose move was solved from contracts. */
    resolvedMeetings: string[];
    /** Meetings on the way no contract prices, taken as no change (their expected move lands in a later one). */
    assumedUnchangedMeetings: string[];
    fallbacks: { meeting: string; used: 'DFF'; value: number; reason: string }[];
  };
}

export interface PreparedInput {
  calendar: FomcMeeting[];
  dayCount: DayCount;
  lower: number;
}

/** Checks asOf and the target range, which every FedWatch answer needs. */
export function prepareAsOf(input: Omit<FedWatchInput, 'meeting'>): PreparedInput {
  const calendar = input.calendar ?? fomcMeetings();
  assertIsoDate('asOf', input.asOf);
  if (!Number.isFinite(input.targetUpper)) {
    throw new IndicatorInputError('asOf', `no target range (DFEDTARU) is known on ${input.asOf}.`, 'NO_DATA');
  }
  return { calendar, dayCount: input.dayCount ?? DEFAULT_DAY_COUNT, lower: input.targetUpper - STEP };
}

/** Checks the arguments of one meeting's answer; throws the error a person can act on. */
export function prepare(input: FedWatchInput): PreparedInput {
  assertIsoDate('meeting', input.meeting);
  assertIsoDate('asOf', input.asOf);
  const calendar = input.calendar ?? fomcMeetings();
  requireMeeting(input.meeting, calendar);
  if (input.meeting <= input.asOf) {
    throw new IndicatorInputError('meeting', `the ${input.meeting} meeting is not after asOf ${input.asOf}; pick a later meeting or an earlier asOf.`);
  }
  return prepareAsOf(input);
}

export function toStep(m: MeetingLevels): MeetingStep {
  return {
    meeting: m.meeting,
    contract: m.contract,
    daysBefore: m.daysBefore,
    daysInMonth: m.daysInMonth,
    rStart: m.start.value,
    rStartSource: m.start.source,
    rEnd: m.end.value,
    rEndSource: m.end.source,
    expectedChangeBp: (m.end.value - m.start.value) * 100,
  };
}

export function cutProbabilities(input: FedWatchInput): FedWatchResult {
  const { calendar, dayCount, lower } = prepare(input);
  const solved = solveLevels({ asOf: input.asOf, meeting: input.meeting, price: input.price, effectiveRate: input.effectiveRate, calendar, dayCount });
  let dist = new Map<number, number>([[0, 1]]);
  for (const m of solved.meetings) if (!m.assumedUnchanged) dist = chain(dist, splitChange(m.end.value - m.start.value));
  return {
    outcomes: toOutcomes(dist, lower),
    meta: {
      meeting: input.meeting,
      asOf: input.asOf,
      currentTarget: { lowerBound: lower, upperBound: input.targetUpper },
      dayCount: { convention: dayCount, rule: DAY_COUNT_TEXT[dayCount] },
      steps: solved.meetings.filter((m) => !m.assumedUnchanged).map(toStep),
      resolvedMeetings: solved.meetings.filter((m) => !m.assumedUnchanged).map((m) => m.meeting),
      assumedUnchangedMeetings: solved.meetings.filter((m) => m.assumedUnchanged).map((m) => m.meeting),
      fallbacks: solved.fallbacks,
    },
  };
}
