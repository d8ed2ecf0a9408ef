import { addDays, addMonths } from './dates.js';
import { PERIODS_PER_YEAR } from './periods.js';
import type { Columns, Frequency } from './types.js';

export type Transform = 'LEVEL' | 'CHANGE' | 'PCT_CHANGE' | 'LOG_RETURN' | 'YOY' | 'ANNUALIZED' | 'REBASE_100';

type Pair = (now: number, before: number) => number | null;

const ratio = (f: (r: number) => number): Pair => (now, before) => (before === 0 ? null : f(now / before));

const PAIRS: Record<'CHANGE' | 'PCT_CHANGE' | 'LOG_RETURN', Pair> = {
  CHANGE: (now, before) => now - before,
  PCT_CHANGE: ratio((r) => r - 1),
  LOG_RETURN: ratio((r) => (r > 0 ? Math.log(r) : NaN)),
};

/**
 * Each value against the previous observation that has a value, so a change spans a gap (Friday's
 * change after a Thursday holiday is measured from Wednesday); a missing value's own change is missing.
 */
function againstPrevious(values: (number | null)[], pair: Pair): (number | null)[] {
  let before: number | null = null;
  return values.map((v) => {
    if (v === null) return null;
    const out = before === null ? null : pair(v, before);
    before = v;
    return out === null || Number.isNaN(out) ? null : out;
  });
}

/** The value a year earlier: the same period for weekly and lower; for daily, the last day on or before (within a week). */
function yearAgo(columns: Columns, frequency: Frequency): (number | null)[] {
  const index = new Map(columns.dates.map((d, i) => [d, i]));
  let j = 0;
  return columns.dates.map((date) => {
    const target = frequency === 'WEEKLY' ? addDays(date, -364) : addMonths(date, -12);
    if (frequency !== 'DAILY') {
      const k = index.get(target);
      return k === undefined ? null : columns.values[k];
    }
    while (j + 1 < columns.dates.length && columns.dates[j + 1] <= target) j++;
    const found = columns.dates[j];
    return found <= target && found >= addDays(target, -7) ? columns.values[j] : null;
  });
}

/**
 * Applies a transform to ascending columns at the given frequency; dates are unchanged. Relative
 * changes (PCT_CHANGE, YOY, ANNUALIZED) are fractions: 0.032 = +3.2 %. ANNUALIZED is FRED's
 * compounded annual rate (x_t / x_(t-1))^n − 1; the caller refuses it for daily and weekly data.
 */
export function transform(columns: Columns, how: Transform, frequency: Frequency): Columns {
  const { dates, values } = columns;
  switch (how) {
    case 'LEVEL':
      return columns;
    case 'CHANGE':
    case 'PCT_CHANGE':
    case 'LOG_RETURN':
      return { dates, values: againstPrevious(values, PAIRS[how]) };
    case 'ANNUALIZED': {
      const n = PERIODS_PER_YEAR[frequency];
      return { dates, values: againstPrevious(values, ratio((r) => r ** n - 1)) };
    }
    case 'YOY': {
      const before = yearAgo(columns, frequency);
      return { dates, values: values.map((v, i) => (v === null || before[i] === null || before[i] === 0 ? null : v / before[i]! - 1)) };
    }
    case 'REBASE_100': {
      const base = values.find((v) => v !== null && v !== 0);
      return { dates, values: values.map((v) => (v === null || base === undefined || base === null ? null : 100 * (v / base))) };
    }
  }
}
