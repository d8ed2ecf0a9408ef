// Periods a source never published. A monthly, quarterly or annual series (or a weekly one) owes a
// value for every period, so a period without one (October 2025 CPI, never collected) is a gap: a
// change from the period before it to the period after spans two periods and is not a one-period
// change. Daily market data are different: a day without a value is a day the market did not trade
// (a holiday), and a return across it is the next session's return.
import { addDays, addMonths } from './dates.js';
import { periodOf } from './periods.js';
import type { Columns, Frequency } from './types.js';

/** Whether a period without a value is a gap (true) or just no session (daily data). */
export const periodsAreOwed = (frequency: Frequency): boolean => frequency !== 'DAILY';

const MONTHS: Readonly<Record<Exclude<Frequency, 'DAILY' | 'WEEKLY'>, number>> = { MONTHLY: 1, QUARTERLY: 3, ANNUAL: 12 };

/** The label of the period after the one labelled `label` (labels as periodOf gives them). */
export function nextPeriod(label: string, frequency: Frequency): string {
  if (frequency === 'DAILY') return addDays(label, 1);
  if (frequency === 'WEEKLY') return addDays(label, 7);
  return addMonths(label, MONTHS[frequency]);
}

/**
 * How many periods separate the periods holding `before` and `after` (1 = adjacent). Daily data
 * count observations, not days, so there it is always 1.
 */
export function periodSpan(before: string, after: string, frequency: Frequency): number {
  if (frequency === 'DAILY') return 1;
  const a = periodOf(before, frequency);
  const b = periodOf(after, frequency);
  if (frequency === 'WEEKLY') return Math.round((Date.parse(b) - Date.parse(a)) / (7 * 86_400_000));
  const months = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  return months / MONTHS[frequency];
}

/**
 * The labels of the periods strictly between the periods holding `before` and `after` that have no
 * value (all of them: a value there would have been the previous observation). Empty for daily data.
 */
export function periodsBetween(before: string, after: string, frequency: Frequency): string[] {
  if (!periodsAreOwed(frequency)) return [];
  const out: string[] = [];
  const end = periodOf(after, frequency);
  for (let p = nextPeriod(periodOf(before, frequency), frequency); p < end; p = nextPeriod(p, frequency)) out.push(p);
  return out;
}

/**
 * The periods from `first` to `last` (dates, inclusive, taken as the periods holding them) that have
 * no value in `columns`: rows published as missing and periods with no row at all. Empty for daily data.
 */
export function missingPeriods(columns: Columns, frequency: Frequency, first: string, last: string): string[] {
  if (!periodsAreOwed(frequency) || first > last) return [];
  const present = new Set<string>();
  columns.dates.forEach((d, i) => {
    if (columns.values[i] !== null) present.add(periodOf(d, frequency));
  });
  const out: string[] = [];
  const end = periodOf(last, frequency);
  for (let p = periodOf(first, frequency); p <= end; p = nextPeriod(p, frequency)) if (!present.has(p)) out.push(p);
  return out;
}
