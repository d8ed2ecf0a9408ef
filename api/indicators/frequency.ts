// Periods per year used to annualise volatility: sqrt(periods per year) × per-period std.
import type { Frequency } from '../series/types.js';

export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  DAILY: 252,
  WEEKLY: 52,
  MONTHLY: 12,
  QUARTERLY: 4,
  ANNUAL: 1,
};

export function annualisationFactor(frequency: Frequency): number {
  return Math.sqrt(PERIODS_PER_YEAR[frequency]);
}
