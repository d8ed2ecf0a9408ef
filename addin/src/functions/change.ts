// CHANGE between two dates from observations: the base is the last value on or before the start
// (the close before a holiday), the end the last value on or before the end date.
import { TideError } from '../shared/errors.js';
import { lastValue } from './matrix.js';

export type PointChangeMode = 'PCT' | 'ABS' | 'LOG';

export function changeBetween(
  id: string,
  dates: readonly string[],
  values: readonly (number | null)[],
  start: string,
  end: string | undefined,
  mode: PointChangeMode,
): number {
  const base = lastValue(dates, values, start);
  if (!base) throw new TideError('notFound', `${id} has no value on or before ${start}`);
  const last = lastValue(dates, values, end);
  if (!last || last.date <= base.date) {
    throw new TideError('notFound', `${id} has no value after ${base.date}${end ? ` up to ${end}` : ''}`);
  }
  if (mode === 'ABS') return last.value - base.value;
  if (base.value === 0) throw new TideError('notFound', `${id} is 0 on ${base.date}; a relative change is undefined`);
  if (mode === 'PCT') return last.value / base.value - 1;
  if (base.value < 0 || last.value < 0) {
    throw new TideError('notFound', `${id} is negative on ${base.value < 0 ? base.date : last.date}; a log change is undefined`);
  }
  return Math.log(last.value / base.value);
}
