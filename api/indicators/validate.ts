// Guards shared by the indicators: they throw IndicatorInputError with a message that names the
// argument, says what was wrong and what to pass instead.
import { isIsoDate } from '../series/dates.js';
import { IndicatorInputError } from './errors.js';

export function assertIsoDate(argument: string, date: string): void {
  if (!isIsoDate(date)) {
    throw new IndicatorInputError(argument, `${argument} must be a date written YYYY-MM-DD; got "${date}".`);
  }
}

export function assertSameLength(argument: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) {
    throw new IndicatorInputError(argument, `${argument}: the two columns must have the same length (got ${a.length} and ${b.length}); align the series first.`);
  }
}

/** Dates must be strictly ascending so that "on or before" lookups and windows are well defined. */
export function assertAscendingDates(argument: string, dates: readonly string[]): void {
  for (let i = 1; i < dates.length; i++) {
    if (!(dates[i - 1] < dates[i])) {
      throw new IndicatorInputError(argument, `${argument}: dates must be strictly ascending; ${dates[i - 1]} is followed by ${dates[i]}.`);
    }
  }
}

/** The fewest valid observations a window needs for a value: 2 (a sample statistic) up to the window. */
export function assertMinObservations(minObservations: number, window: number): void {
  if (!Number.isInteger(minObservations) || minObservations < 2 || minObservations > window) {
    throw new IndicatorInputError('minObservations', `minObservations must be a whole number from 2 to the window (${window}); got ${minObservations}.`);
  }
}

/**
 * A rolling window needs at least two points (a sample statistic). It may be longer than the data
 * (the windows at the start hold the points so far), but the data must hold `minObservations`
 * points, or no window could ever have a value.
 */
export function assertWindow(window: number, length: number, minObservations: number = window): void {
  if (!Number.isInteger(window) || window < 2) {
    throw new IndicatorInputError('window', `window must be an integer of at least 2; got ${window}.`);
  }
  if (minObservations > length) {
    throw minObservations === window
      ? new IndicatorInputError('window', `window (${window}) is longer than the data (${length} points); widen the date range, shorten the window, or pass a smaller minObservations.`)
      : new IndicatorInputError('minObservations', `minObservations (${minObservations}) is more than the data (${length} points); widen the date range or pass a smaller minObservations.`);
  }
}

/** A window, its minimum and the data it runs on, checked in that order (the first wrong one is named). */
export function assertWindowOver(window: number, minObservations: number, length: number): void {
  assertWindow(window, Number.POSITIVE_INFINITY);
  assertMinObservations(minObservations, window);
  assertWindow(window, length, minObservations);
}
