import { addDays, weekday } from './dates.js';
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
 * in it. A period ending on a weekend is due on the Friday before, since daily market data have no
 * weekend rows.
 */
export function periodComplete(label: string, frequency: Frequency, lastRow: string, source: Frequency): boolean {
  let due = periodEnd(label, frequency);
  const dow = weekday(due);
  if (dow === 6) due = addDays(due, -1);
  else if (dow === 0) due = addDays(due, -2);
  return periodOf(lastRow, source) >= periodOf(due, source);
}
