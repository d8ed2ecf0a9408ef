import { addDays, addMonths } from './dates.js';
import { periodSpan } from './gaps.js';
import { PERIODS_PER_YEAR } from './periods.js';
import type { Columns, Frequency } from './types.js';

export type Transform = 'LEVEL' | 'CHANGE' | 'PCT_CHANGE' | 'LOG_RETURN' | 'YOY' | 'ANNUALIZED' | 'REBASE_100';

/** One change from `before` to `now`, `span` periods apart (1 unless a period is missing, never for daily data). */
type Pair = (now: number, before: number, span: number) => number | null;

const ratio =
  (f: (r: number, span: number) => number): Pair =>
  (now, before, span) =>
    before === 0 ? null : f(now / before, span);
/** A one-period change: across a missing period (span > 1) there is none. */
const onePeriod =
  (f: (now: number, before: number) => number | null): Pair =>
  (now, before, span) =>
    span === 1 ? f(now, before) : null;

const PAIRS: Record<'CHANGE' | 'PCT_CHANGE' | 'LOG_RETURN', Pair> = {
  CHANGE: onePeriod((now, before) => now - before),
  PCT_CHANGE: onePeriod((now, before) => (before === 0 ? null : now / before - 1)),
  LOG_RETURN: onePeriod((now, before) => (before === 0 ? null : now / before > 0 ? Math.log(now / before) : NaN)),
};

/**
 * Each value against the previous observation that has a value. At daily frequency a change spans a
 * gap (Friday's change after a Thursday holiday is measured from Wednesday); at lower frequencies a
 * missing period is a gap (series/gaps.ts), so the pair sees how many periods apart the two values
 * are. A missing value's own change is missing.
 */
function againstPrevious({ dates, values }: Columns, frequency: Frequency, pair: Pair): (number | null)[] {
  let before: number | null = null;
  let beforeDate = '';
  return values.map((v, i) => {
    if (v === null) return null;
    const out = before === null ? null : pair(v, before, periodSpan(beforeDate, dates[i], frequency));
    before = v;
    beforeDate = dates[i];
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
 * compounded annual rate (x_t / x_(t-k))^(n/k) − 1 over the k periods since the previous value (1
 * unless a period is missing); the caller refuses it for daily and weekly data.
 */
export function transform(columns: Columns, how: Transform, frequency: Frequency): Columns {
  const { dates, values } = columns;
  switch (how) {
    case 'LEVEL':
      return columns;
    case 'CHANGE':
    case 'PCT_CHANGE':
    case 'LOG_RETURN':
      return { dates, values: againstPrevious(columns, frequency, PAIRS[how]) };
    case 'ANNUALIZED': {
      // Compounded over the true span: a change across a missing month covers two months, so it is
      // raised to the 6th power, not the 12th.
      const n = PERIODS_PER_YEAR[frequency];
      return {
        dates,
        values: againstPrevious(
          columns,
          frequency,
          ratio((r, span) => r ** (n / span) - 1),
        ),
      };
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
