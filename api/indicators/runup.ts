// Largest rise (run-up) and largest fall (drawdown) inside a date range, in one pass each.
//   MAX_RUNUP    = max over i ≤ j of (x_j / x_i − 1)  ≥ 0, from the trough date i to the peak date j
//   MAX_DRAWDOWN = min over i ≤ j of (x_j / x_i − 1)  ≤ 0, from the peak date i to the trough date j
// Missing values are skipped (they are neither troughs nor peaks). Ties keep the earliest dates.
// Values must be positive (prices, index levels); a non-positive value is rejected.
import type { Columns } from './columns.js';
import { assertColumns, isPresent } from './columns.js';
import { IndicatorInputError } from './errors.js';

export interface Excursion {
  /** Fraction, e.g. 0.1154 = +11.54 %; null when the range holds no values. */
  value: number | null;
  /** For a run-up: the trough it starts from; for a drawdown: the peak it starts from. */
  fromDate: string | null;
  /** For a run-up: the peak; for a drawdown: the trough. */
  toDate: string | null;
  fromValue: number | null;
  toValue: number | null;
}

export function maxRunup(series: Columns, from?: string, to?: string): Excursion {
  return extreme(series, from, to, 1);
}

export function maxDrawdown(series: Columns, from?: string, to?: string): Excursion {
  return extreme(series, from, to, -1);
}

// sign = 1: track the running minimum and the best rise from it; sign = −1: the mirror image.
function extreme(series: Columns, from: string | undefined, to: string | undefined, sign: 1 | -1): Excursion {
  assertColumns('inputs', series);
  let anchor = -1;
  let best: Excursion = { value: null, fromDate: null, toDate: null, fromValue: null, toValue: null };
  for (let j = 0; j < series.dates.length; j++) {
    const d = series.dates[j];
    const x = series.values[j];
    if ((from && d < from) || (to && d > to) || !isPresent(x)) continue;
    if (x <= 0) {
      throw new IndicatorInputError('inputs', `run-up and drawdown need positive values; ${d} has ${x}.`);
    }
    if (anchor < 0 || sign * (x - (series.values[anchor] as number)) < 0) anchor = j;
    const a = series.values[anchor] as number;
    const move = x / a - 1;
    if (best.value === null || sign * (move - best.value) > 0) {
      best = { value: move, fromDate: series.dates[anchor], toDate: d, fromValue: a, toValue: x };
    }
  }
  return best;
}
