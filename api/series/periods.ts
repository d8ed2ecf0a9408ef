import { addDays, weekday } from './dates.js';
import type { Frequency } from './types.js';

export const FREQUENCY_ORDER: Frequency[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL'];

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

export const isLowerOrEqual = (target: Frequency, source: Frequency): boolean =>
  FREQUENCY_ORDER.indexOf(target) >= FREQUENCY_ORDER.indexOf(source);
