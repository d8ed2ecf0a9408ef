// The columnar shape every indicator consumes: dates ascending, values aligned, null = missing.
import type { Columns } from '../series/types.js';
import { assertAscendingDates, assertSameLength } from './validate.js';

export type { Columns };
export type Values = readonly (number | null)[];

export function assertColumns(argument: string, series: Columns): void {
  assertSameLength(argument, series.dates, series.values);
  assertAscendingDates(argument, series.dates);
}

/** Non-finite numbers (NaN, ±Infinity) are treated as missing, so they never leak into sums. */
export function isPresent(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
