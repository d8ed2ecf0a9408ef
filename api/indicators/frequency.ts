// Annualising volatility: sqrt(periods per year) × per-period std, with the periods per year that
// the ANNUALIZED transform also uses.
import { PERIODS_PER_YEAR } from '../series/periods.js';
import type { Frequency } from '../series/types.js';

export { PERIODS_PER_YEAR };

export function annualisationFactor(frequency: Frequency): number {
  return Math.sqrt(PERIODS_PER_YEAR[frequency]);
}
