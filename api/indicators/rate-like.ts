// How a series moves from one observation to the next. Prices move in proportion (returns, as
// fractions); rates and yields move in their own unit, reported in basis points (a yield going from
// 0.10 % to 0.20 % is +10 bp, not a 100 % "return"). Every indicator that works on changes
// (VOLATILITY, CORRELATION, BETA, RELATIVE_VOL, ZSCORE) uses this one definition.
import { differences, logReturns, simpleReturns } from './returns.js';
import type { SeriesMeta } from '../series/types.js';

/** How a price's returns are taken: VOLATILITY and RELATIVE_VOL use log returns, the others simple. */
export type ReturnKind = 'SIMPLE' | 'LOG';
export type PeriodChange = 'SIMPLE_RETURNS' | 'LOG_RETURNS' | 'BP_CHANGES' | 'DIFFERENCES';
/** The unit of a change: a fraction (0.01 = +1 %) for a price, basis points for a rate. */
export type ChangeUnit = 'fraction' | 'bp';

/** A series quoted in percent (FRED's "Percent", "Percent change at annual rate, …") or basis points is a rate. */
export const isRateLike = (meta: Pick<SeriesMeta, 'unit'>): boolean => /^(percent\b|basis points?\b|bps?$)/i.test(meta.unit.trim());

const isBasisPoints = (meta: Pick<SeriesMeta, 'unit'>): boolean => /^(basis points?\b|bps?$)/i.test(meta.unit.trim());

/** A probability (unit "probability …", e.g. FEDWATCH:…:P_CUT) moves by differences: 0.40 → 0.50 is +0.10, not +25 %. */
export const isProbability = (meta: Pick<SeriesMeta, 'unit'>): boolean => /^probability\b/i.test(meta.unit.trim());

export const periodChangeOf = (meta: Pick<SeriesMeta, 'unit'>, kind: ReturnKind): PeriodChange =>
  isProbability(meta) ? 'DIFFERENCES' : isRateLike(meta) ? 'BP_CHANGES' : kind === 'LOG' ? 'LOG_RETURNS' : 'SIMPLE_RETURNS';

export const changeUnitOf = (meta: Pick<SeriesMeta, 'unit'>): ChangeUnit => (isRateLike(meta) ? 'bp' : 'fraction');

/** Per-observation changes of `values` (one series' observations, or several aligned on common dates). */
export function periodChanges(meta: Pick<SeriesMeta, 'unit'>, values: readonly (number | null)[], kind: ReturnKind): (number | null)[] {
  if (isProbability(meta)) return differences(values);
  if (isRateLike(meta)) {
    const d = differences(values);
    return isBasisPoints(meta) ? d : d.map((x) => (x === null ? null : 100 * x)); // percentage points → bp
  }
  return kind === 'LOG' ? logReturns(values) : simpleReturns(values);
}
