// Which result dates fall in [from, to]. Compared by period, as observations are: the period that
// holds `from` is in range (so a monthly value labelled 2024-06-01 is in range from 2024-06-15, and
// a weekly CFTC report dated Tuesday is in range from the Monday of its week).
import { periodOf } from './periods.js';
import { lowerBound } from './sorted.js';
import type { Columns, Frequency } from './types.js';

export interface DateRange {
  from?: string | null;
  to?: string | null;
}

export function inRange(date: string, range: DateRange, frequency: Frequency): boolean {
  const p = periodOf(date, frequency);
  return (!range.from || p >= periodOf(range.from, frequency)) && (!range.to || p <= periodOf(range.to, frequency));
}

/** Keeps the rows of several same-length columns whose date is in range. */
export function trimRows<T extends { dates: string[] }>(cols: T, keys: (keyof T)[], range: DateRange, frequency: Frequency): T {
  const keep = cols.dates.map((d) => inRange(d, range, frequency));
  const out = { ...cols, dates: cols.dates.filter((_, i) => keep[i]) };
  for (const k of keys) (out as Record<keyof T, unknown>)[k] = (cols[k] as unknown[]).filter((_, i) => keep[i]);
  return out;
}

export const trimColumns = (cols: Columns, range: DateRange, frequency: Frequency): Columns => trimRows(cols, ['values'], range, frequency);

/** The rows with dates in [from, to]; dates ascending, so two binary searches and one slice. */
export function trimDates(columns: Columns, from?: string | null, to?: string | null): Columns {
  const lo = from ? lowerBound(columns.dates, from) : 0;
  const hi = to ? lowerBound(columns.dates, `${to}\uffff`) : columns.dates.length;
  if (lo === 0 && hi === columns.dates.length) return columns;
  return { dates: columns.dates.slice(lo, hi), values: columns.values.slice(lo, hi) };
}
