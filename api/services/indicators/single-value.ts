// Indicators that answer with one number for the range: CHANGE, MAX_RUNUP, MAX_DRAWDOWN.
import { change, IndicatorInputError, maxDrawdown, maxRunup, type Excursion } from '../../indicators/index.js';
import type { Columns } from '../../series/types.js';
import { trimColumns } from './range.js';
import { isRateLike } from './rate-like.js';
import type { IndicatorSpec } from './spec.js';

// CHANGE looks back for the last value on or before `from` (a weekend, a holiday, a month's label).
const CHANGE_LOOKBACK_PERIODS = 10;

/** The headline is the percent change for prices and the absolute change (percentage points) for rates. */
export const CHANGE: IndicatorSpec = {
  inputs: ['series'],
  rolling: false,
  output: 'single',
  warmUp: () => CHANGE_LOOKBACK_PERIODS,
  compute([x], p) {
    if (!p.from) throw new IndicatorInputError('from', 'CHANGE needs from: the date to measure from, e.g. from: "2024-07-09" (to defaults to the latest value).');
    const c = change(x.columns, p.from, p.to ?? x.columns.dates[x.columns.dates.length - 1]);
    const measure = isRateLike(x.meta) ? 'ABSOLUTE' : 'PERCENT';
    return {
      dates: [c.end.date],
      values: [measure === 'PERCENT' ? c.percent : c.absolute],
      meta: { measure, start: c.start, end: c.end, absolute: c.absolute, percent: c.percent },
    };
  },
};

function excursion(measure: (series: Columns) => Excursion): IndicatorSpec {
  return {
    inputs: ['series'],
    rolling: false,
    output: 'single',
    warmUp: () => 0,
    compute([x], p) {
      const e = measure(trimColumns(x.columns, p, p.frequency));
      const percent = e.value === null ? null : 100 * e.value;
      return { dates: e.toDate ? [e.toDate] : [], values: e.toDate ? [percent] : [], meta: { ...e, percent } };
    },
  };
}

/** Values in percent; meta.fromDate is the trough (run-up) or the peak (drawdown), meta.toDate the other extreme. */
export const MAX_RUNUP = excursion(maxRunup);
export const MAX_DRAWDOWN = excursion(maxDrawdown);
