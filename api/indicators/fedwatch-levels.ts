// The expected effective rate after each upcoming FOMC meeting, solved from fed funds futures by
// CME FedWatch's method (CME Group, "CME FedWatch Tool – Fed Funds Futures Probability Tree
// Calculator", the methodology behind cmegroup.com/education/demos-and-tutorials/
// fed-funds-futures-probability-tree-calculator.html).
//
// Unknowns: L0, the rate going into the first upcoming meeting, and Lk, the rate after meeting k.
// Every month's contract prices the month's average rate, one linear equation:
//   - a month with no meeting:          avg = L(j), j = meetings before it (CME: such a month's
//     price "contains information independent of" the next meeting, or "solely dependent on" the
//     previous one: it is read as a level first);
//   - a month with meeting k on day D:  avg = w·L(k−1) + (1 − w)·L(k), w = d/N, d = days at the
//     old rate (the day count below); w = 0 or 1 makes it a level too.
// Solving, in CME's order: levels from months without a meeting; then forward (a meeting month
// whose start is known gives its end, CME's worked example) and backward (a known end gives the
// start, so a meeting with no contract of its own is priced from the following months'
// contracts), repeated until nothing changes; then, if the first start is still unknown, the
// effective rate (DFF) known on asOf; only when no contract prices a meeting at all is it taken as
// unchanged, recorded, and solving resumes. The end of one meeting is the start of the next
// (CME: "the projected end rate for EFFR in each month should be equal to the start rate for EFFR
// in the subsequent month").
import { IndicatorInputError } from './errors.js';
import { addMonths, daysInMonth, fedFundsContract, impliedRate, monthOf } from './fed-funds-contracts.js';
import type { FomcMeeting } from './fomc-calendar.js';

/**
 * Which rate the decision day carries. DECISION_DAY_NEW_RATE is CME FedWatch's count (its worked
 * example: the 17 Sep 2015 decision leaves 16 days of 30 at the old rate); DECISION_DAY_OLD_RATE
 * counts the decision day at the old rate, as DFF shows (the new rate prints from the next day).
 */
export type DayCount = 'DECISION_DAY_NEW_RATE' | 'DECISION_DAY_OLD_RATE';
export const DEFAULT_DAY_COUNT: DayCount = 'DECISION_DAY_NEW_RATE';

export const DAY_COUNT_TEXT: Record<DayCount, string> = {
  DECISION_DAY_NEW_RATE: "CME FedWatch's day count: the decision day carries the new rate (d = D − 1 days at the old rate)",
  DECISION_DAY_OLD_RATE: 'the decision day carries the old rate; the new rate applies from the next day, as DFF shows (d = D)',
};

/**
 * How many months past the asked-for meeting are read: enough to reach a month without a meeting
 * (a level that later meetings chain back from) even when the next one's contract is missing.
 */
export const MONTHS_AFTER_MEETING = 6;

export interface LevelInput {
  asOf: string;
  /** The last meeting the answer needs (every upcoming meeting up to it gets a level). */
  meeting: string;
  price: (contract: string) => number | null;
  effectiveRate: number | null;
  calendar: FomcMeeting[];
  dayCount: DayCount;
  /**
   * Stop before the first meeting nothing prices (no contract of its own and none after it),
   * instead of failing: the rate path then ends there. Without it, that is a NO_DATA error.
   */
  partial?: boolean;
}

export interface Level {
  value: number;
  source: string;
}

export interface MeetingLevels {
  meeting: string;
  contract: string;
  daysBefore: number;
  daysInMonth: number;
  start: Level;
  end: Level;
  /** True when no contract prices this meeting: its end is its start. */
  assumedUnchanged: boolean;
}

export interface LevelsResult {
  meetings: MeetingLevels[];
  fallbacks: { meeting: string; used: 'DFF'; value: number; reason: string }[];
}

interface Equation {
  contract: string;
  avg: number;
  /** Index of the level before the month's meeting (or the level of a month without one). */
  k: number;
  /** Weight of level k; level k + 1 carries 1 − w. w = 1 for a month without a meeting. */
  w: number;
}

/** Months whose contracts FedWatch may read for meetings after asOf up to `meeting`. */
export function contractMonths(asOf: string, meeting: string): string[] {
  const months: string[] = [];
  for (let m = addMonths(monthOf(asOf), -1); m <= addMonths(monthOf(meeting), MONTHS_AFTER_MEETING); m = addMonths(m, 1)) months.push(m);
  return months;
}

function daysAtOldRate(decisionDate: string, dayCount: DayCount): number {
  const D = Number(decisionDate.slice(8, 10));
  return dayCount === 'DECISION_DAY_OLD_RATE' ? D : D - 1;
}

function equations(input: LevelInput, path: FomcMeeting[]): Equation[] {
  const lastPast = [...input.calendar].reverse().find((m) => m.decisionDate <= input.asOf)?.decisionDate ?? '';
  const calendarEnd = monthOf(input.calendar[input.calendar.length - 1]?.decisionDate ?? input.meeting);
  const out: Equation[] = [];
  for (const month of contractMonths(input.asOf, input.meeting)) {
    // A month holding a past decision mixes a rate already known with levels still to solve, and a
    // month past the calendar may hold meetings Tide does not know of: neither is an equation here.
    if (`${month}-01` <= lastPast || month > calendarEnd) continue;
    const p = input.price(fedFundsContract(month));
    if (p === null || !Number.isFinite(p)) continue;
    const inMonth = path.filter((m) => monthOf(m.decisionDate) === month);
    const before = path.filter((m) => monthOf(m.decisionDate) < month).length;
    const avg = impliedRate(p);
    const contract = fedFundsContract(month);
    if (inMonth.length === 0) out.push({ contract, avg, k: before, w: 1 });
    else if (inMonth.length === 1) out.push({ contract, avg, k: before, w: daysAtOldRate(inMonth[0].decisionDate, input.dayCount) / daysInMonth(month) });
    // Two decisions in one month (never scheduled so far) leave one equation for two moves: skipped.
  }
  return out;
}

/** Solves the rate after every upcoming meeting up to `input.meeting` (see the header for the order). */
export function solveLevels(input: LevelInput): LevelsResult {
  const all = input.calendar.filter((m) => m.decisionDate > input.asOf);
  const path = all.filter((m) => m.decisionDate <= addMonths(monthOf(input.meeting), MONTHS_AFTER_MEETING) + '-31');
  const needed = path.filter((m) => m.decisionDate <= input.meeting).length; // levels 0..needed
  const eqs = equations(input, path);
  const levels = new Map<number, Level>();
  const assumed = new Set<number>();
  const fallbacks: LevelsResult['fallbacks'] = [];

  // Months without a meeting (and meeting months with w = 0 or 1) are levels; the earliest wins.
  for (const e of eqs) {
    const k = e.w >= 1 ? e.k : e.w <= 0 ? e.k + 1 : null;
    if (k !== null && !levels.has(k)) levels.set(k, { value: e.avg, source: e.contract });
  }
  const propagate = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const e of eqs) {
        if (e.w <= 0 || e.w >= 1) continue;
        const start = levels.get(e.k);
        if (start && !levels.has(e.k + 1)) {
          levels.set(e.k + 1, { value: (e.avg - e.w * start.value) / (1 - e.w), source: e.contract });
          changed = true;
        }
      }
      for (const e of [...eqs].reverse()) {
        if (e.w <= 0 || e.w >= 1) continue;
        const end = levels.get(e.k + 1);
        if (end && !levels.has(e.k)) {
          levels.set(e.k, { value: (e.avg - (1 - e.w) * end.value) / e.w, source: `${e.contract} (backward from ${end.source})` });
          changed = true;
        }
      }
    }
  };

  propagate();
  if (!levels.has(0)) {
    const first = path[0]?.decisionDate ?? input.meeting;
    if (input.effectiveRate === null || !Number.isFinite(input.effectiveRate)) {
      throw new IndicatorInputError('asOf', `no rate going into the ${first} meeting: no fed funds contract prices it and no DFF is available on ${input.asOf}.`, 'NO_DATA');
    }
    levels.set(0, { value: input.effectiveRate, source: 'DFF' });
    fallbacks.push({ meeting: first, used: 'DFF', value: input.effectiveRate, reason: `no fed funds contract priced on ${input.asOf} gives the rate going into it` });
    propagate();
  }
  let solved = needed;
  for (let k = 1; k <= needed; k++) {
    if (levels.has(k)) continue;
    const m = path[k - 1];
    // a contract priced for this meeting's month or later can still price the meetings after it
    const laterPriced = eqs.some((e) => e.k >= k - 1 && !(e.k === k - 1 && e.w >= 1));
    if (input.partial && !laterPriced) {
      solved = k - 1;
      break;
    }
    if (k === needed)
      throw stuck(
        input,
        m,
        eqs.find((e) => e.k === k - 1 && e.contract === fedFundsContract(monthOf(m.decisionDate))),
      );
    levels.set(k, { ...levels.get(k - 1)!, source: `assumed unchanged (${levels.get(k - 1)!.source})` });
    assumed.add(k);
    propagate();
  }
  const meetings = path.slice(0, solved).map((m, i): MeetingLevels => {
    const month = monthOf(m.decisionDate);
    return {
      meeting: m.decisionDate,
      contract: fedFundsContract(month),
      daysBefore: daysAtOldRate(m.decisionDate, input.dayCount),
      daysInMonth: daysInMonth(month),
      start: levels.get(i)!,
      end: levels.get(i + 1)!,
      assumedUnchanged: assumed.has(i + 1),
    };
  });
  return { meetings, fallbacks };
}

function stuck(input: LevelInput, m: FomcMeeting, own: Equation | undefined): IndicatorInputError {
  const month = monthOf(m.decisionDate);
  const next = fedFundsContract(addMonths(month, 1));
  const why =
    own && own.w >= 1
      ? `the ${m.decisionDate} decision falls on the last day of its month, so ${own.contract} prices none of the new rate; a price of ${next} on ${input.asOf} is needed`
      : `no fed funds futures price on ${input.asOf} for ${fedFundsContract(month)}, ${next} or a later month prices the ${m.decisionDate} meeting`;
  return new IndicatorInputError('meeting', `${why}.`, 'NO_DATA');
}
