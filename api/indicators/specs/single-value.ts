// Indicators that answer with one number for the range: CHANGE, MAX_RUNUP, MAX_DRAWDOWN.
// Units follow the one rule (docs/indicators.md): relative changes are fractions (0.1154 = +11.54 %),
// rate changes are basis points.
import { change, IndicatorInputError, maxDrawdown, maxRunup, type Excursion } from '../index.js';
import type { Columns } from '../../series/types.js';
import { trimColumns } from '../../series/range.js';
import { changeUnitOf, isRateLike } from '../rate-like.js';
import type { IndicatorSpec } from '../spec.js';

// CHANGE looks back for the last value on or before `from` (a weekend, a holiday, a month's label).
const CHANGE_LOOKBACK_PERIODS = 10;

/** The headline is the relative change (a fraction) for prices and the change in basis points for rates. */
export const CHANGE: IndicatorSpec = {
  inputs: ['series'],
  rolling: false,
  output: 'single',
  warmUp: () => CHANGE_LOOKBACK_PERIODS,
  compute([x], p) {
    if (!p.from) throw new IndicatorInputError('from', 'CHANGE needs from: the date to measure from, e.g. from: "2024-07-09" (to defaults to the latest value).');
    const c = change(x.columns, p.from, p.to ?? x.columns.dates[x.columns.dates.length - 1]);
    const rate = isRateLike(x.meta);
    const relative = c.percent === null ? null : c.percent / 100;
    const bp = rate ? (/^percent\b/i.test(x.meta.unit.trim()) ? 100 * c.absolute : c.absolute) : null;
    const unit = changeUnitOf(x.meta);
    return {
      dates: [c.end.date],
      values: [rate ? bp : relative],
      unit,
      meta: { measure: rate ? 'BP' : 'RELATIVE', unit, start: c.start, end: c.end, absolute: c.absolute, relative, bp },
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
      return { dates: e.toDate ? [e.toDate] : [], values: e.toDate ? [e.value] : [], unit: 'fraction', meta: { ...e, unit: 'fraction' } };
    },
  };
}

/** Fractions; meta.fromDate is the trough (run-up) or the peak (drawdown), meta.toDate the other extreme. */
export const MAX_RUNUP = excursion(maxRunup);
export const MAX_DRAWDOWN = excursion(maxDrawdown);
