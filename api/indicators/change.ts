// Change between two dates. Each endpoint is the last observation with a value on or before the
// requested date (so a weekend or holiday start uses the previous close).
import type { Columns } from './columns.js';
import { assertColumns, isPresent } from './columns.js';
import { IndicatorInputError } from './errors.js';
import { assertIsoDate } from './validate.js';

export interface Observed {
  date: string;
  value: number;
}

export interface ChangeResult {
  start: Observed;
  end: Observed;
  /** end − start, in the series' unit. */
  absolute: number;
  /** 100 × (end / start − 1); null when the start value is 0. */
  percent: number | null;
}

/** The last observation with a value on or before `date`, or null if there is none. */
export function lastOnOrBefore(series: Columns, date: string): Observed | null {
  let lo = 0;
  let hi = series.dates.length - 1;
  let idx = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (series.dates[mid] <= date) {
      idx = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = idx; i >= 0; i--) {
    const v = series.values[i];
    if (isPresent(v)) return { date: series.dates[i], value: v };
  }
  return null;
}

export function change(series: Columns, from: string, to: string): ChangeResult {
  assertColumns('inputs', series);
  assertIsoDate('from', from);
  assertIsoDate('to', to);
  if (from > to) {
    throw new IndicatorInputError('from', `from (${from}) is after to (${to}); swap them.`);
  }
  const start = lastOnOrBefore(series, from);
  if (!start) {
    throw new IndicatorInputError('from', `no observation on or before ${from}; the series starts ${series.dates[0] ?? '(empty)'}; choose a later from date.`, 'NO_DATA');
  }
  const end = lastOnOrBefore(series, to)!;
  return {
    start,
    end,
    absolute: end.value - start.value,
    percent: start.value === 0 ? null : 100 * (end.value / start.value - 1),
  };
}
