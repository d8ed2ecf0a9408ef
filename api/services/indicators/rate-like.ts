// How a series moves from one period to the next, for CORRELATION and BETA: prices move in
// proportion (simple returns); rates and yields move in their own unit (differences, in
// percentage points), since a yield going from 0.1 % to 0.2 % is not a 100 % "return".
import { differences, simpleReturns } from '../../indicators/index.js';
import type { SeriesMeta } from '../../series/types.js';

export type PeriodChange = 'SIMPLE_RETURNS' | 'DIFFERENCES';

/** A series quoted in percent (FRED unit "Percent", "Percent change at annual rate, …") is a rate. */
export const isRateLike = (meta: Pick<SeriesMeta, 'unit'>): boolean => /^percent\b/i.test(meta.unit.trim());

export const periodChangeOf = (meta: Pick<SeriesMeta, 'unit'>): PeriodChange => (isRateLike(meta) ? 'DIFFERENCES' : 'SIMPLE_RETURNS');

export function periodChanges(meta: Pick<SeriesMeta, 'unit'>, values: readonly (number | null)[]): (number | null)[] {
  return isRateLike(meta) ? differences(values) : simpleReturns(values);
}
