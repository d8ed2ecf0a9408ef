import { addDays, weekday } from './dates.js';
import { lastSessionOnOrBefore, type TradingCalendar } from './trading-calendar.js';
import type { Frequency } from './types.js';

// Highest first. A Record, so a frequency added to the schema does not compile until it is placed.
const RANK: Readonly<Record<Frequency, number>> = { DAILY: 0, WEEKLY: 1, MONTHLY: 2, QUARTERLY: 3, ANNUAL: 4 };

export const isFrequency = (s: string): s is Frequency => Object.prototype.hasOwnProperty.call(RANK, s);

/** Every frequency, highest first. */
export const FREQUENCY_ORDER: readonly Frequency[] = (Object.keys(RANK) as Frequency[]).sort((a, b) => RANK[a] - RANK[b]);

/** Periods per year, used to annualise: 252 trading days, 52 weeks. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = { DAILY: 252, WEEKLY: 52, MONTHLY: 12, QUARTERLY: 4, ANNUAL: 1 };

const FRIDAY = 5;

/**
 * The label of the period holding `date`: weeks run Saturday to Friday and are labelled with the
 * Friday; months, quarters and years with their first day, as FRED labels them.
 */
export function periodOf(date: string, frequency: Frequency): string {
  switch (frequency) {
    case 'DAILY':
      return date;
    case 'WEEKLY':
      return addDays(date, (FRIDAY - weekday(date) + 7) % 7);
    case 'MONTHLY':
      return `${date.slice(0, 7)}-01`;
    case 'QUARTERLY': {
      const month = Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1;
      return `${date.slice(0, 4)}-${String(month).padStart(2, '0')}-01`;
    }
    case 'ANNUAL':
      return `${date.slice(0, 4)}-01-01`;
  }
}

export const isLowerOrEqual = (target: Frequency, source: Frequency): boolean => RANK[target] >= RANK[source];

/** The last calendar day of the period labelled `label` (a Friday for weeks, the month's last day, …). */
export function periodEnd(label: string, frequency: Frequency): string {
  switch (frequency) {
    case 'DAILY':
    case 'WEEKLY':
      return label;
    case 'MONTHLY':
      return addDays(addMonthsToFirst(label, 1), -1);
    case 'QUARTERLY':
      return addDays(addMonthsToFirst(label, 3), -1);
    case 'ANNUAL':
      return `${label.slice(0, 4)}-12-31`;
  }
}

function addMonthsToFirst(firstOfMonth: string, months: number): string {
  const m = Number(firstOfMonth.slice(5, 7)) - 1 + months;
  const y = Number(firstOfMonth.slice(0, 4)) + Math.floor(m / 12);
  return `${y}-${String((m % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * Whether observations reaching `lastRow` (the last dated row a series has, as known) cover the
 * whole period labelled `label`: the series must have reached the last of its own periods that falls
 * in it. A daily series' period is due on its last trading session: the Friday before a weekend, and,
 * when the series' calendar is known, the session before a holiday (the week of Good Friday 2024 is
 * complete with Thursday's close).
 */
export function periodComplete(label: string, frequency: Frequency, lastRow: string, source: Frequency, calendar?: TradingCalendar): boolean {
  const due = lastSessionOnOrBefore(periodEnd(label, frequency), source === 'DAILY' ? calendar : undefined);
  return periodOf(lastRow, source) >= periodOf(due, source);
}
