import { addDays, addMonths, toEpochDay, weekday } from './dates.js';
import { periodEnd, periodOf } from './periods.js';
import type { ExpectedFrom } from '../generated/enums.js';
import type { Frequency } from './types.js';

// When a series' next observation is due, and so whether it is late. Pure: the caller brings the
// dates. A publisher's release calendar, where one is known and holds the date, says exactly when
// (`ReleaseCalendar`; which one a series follows: series/publisher-calendar.ts); otherwise, and
// outside the dates the calendar holds, the rule is the period's end plus a publication lag per
// frequency, chosen to err late (a series called stale is clearly overdue, never merely early in its
// usual window):
// - DAILY 4 days: markets publish the same evening, H.15 rates the next business day; 4 calendar
//   days also cover a weekend or holiday in between.
// - WEEKLY 7 days: CFTC's Tuesday positions come out on Friday; FRED weeklies within days.
// - MONTHLY 30 days: CPI about two weeks after the month, the effective funds rate the next day.
// - QUARTERLY 35 days: GDP's advance estimate about four weeks after the quarter.
// - ANNUAL 120 days.

export const PUBLICATION_LAG_DAYS: Readonly<Record<Frequency, number>> = { DAILY: 4, WEEKLY: 7, MONTHLY: 30, QUARTERLY: 35, ANNUAL: 120 };

/**
 * A publisher's calendar: the day the observation after the one dated `last` (a period label: a
 * month's first day, a quarter's, a daily date) is released, or undefined when the calendar does not
 * reach it. Given the last observation rather than the next, because only the calendar knows which
 * day is next (the next session, the next business day, the next Tuesday's report).
 */
export type ReleaseCalendar = (last: string) => string | undefined;

/** What an `expectedBy` was read from: the publisher's calendar, or the lag rule (no calendar, or past its end); the schema's enum. */
export type { ExpectedFrom };

/** The date of the observation after `last`: the next weekday for daily data, the next period otherwise. */
export function nextObservation(last: string, frequency: Frequency): string {
  switch (frequency) {
    case 'DAILY': {
      const day = weekday(last);
      return addDays(last, day === 5 ? 3 : day === 6 ? 2 : 1);
    }
    case 'WEEKLY':
      return addDays(last, 7);
    case 'MONTHLY':
      return addMonths(periodOf(last, 'MONTHLY'), 1);
    case 'QUARTERLY':
      return addMonths(periodOf(last, 'QUARTERLY'), 3);
    case 'ANNUAL':
      return addMonths(periodOf(last, 'ANNUAL'), 12);
  }
}

/** The day by which the observation after `lastObservation` should have been published, and from what. */
export function expectedDue(lastObservation: string, frequency: Frequency, calendar?: ReleaseCalendar): { date: string; from: ExpectedFrom } {
  const released = calendar?.(lastObservation);
  if (released) return { date: released, from: 'CALENDAR' };
  const next = nextObservation(lastObservation, frequency);
  const end = frequency === 'DAILY' || frequency === 'WEEKLY' ? next : periodEnd(periodOf(next, frequency), frequency);
  return { date: addDays(end, PUBLICATION_LAG_DAYS[frequency]), from: 'RULE' };
}

/** The day by which the observation after `lastObservation` should have been published. */
export const expectedBy = (lastObservation: string, frequency: Frequency, calendar?: ReleaseCalendar): string => expectedDue(lastObservation, frequency, calendar).date;

/** Late: `today` (UTC) is past the day the next observation was expected by. */
export const isStale = (expected: string, today: string): boolean => toEpochDay(today) > toEpochDay(expected);

/** Whole days `today` is past `expected` (0 when not late). */
export const daysLate = (expected: string, today: string): number => Math.max(0, toEpochDay(today) - toEpochDay(expected));
