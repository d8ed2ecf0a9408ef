// How long a rolling window is when none is given, and how far before `from` to read so that the
// first value in range is computed from real history rather than left in warm-up.
import { addDays } from '../../series/dates.js';
import type { Frequency } from '../../series/types.js';
import { assertWindow } from '../../indicators/validate.js';

/** About a month of trading days, a quarter of weeks, a year of months, two years of quarters. */
export const DEFAULT_WINDOW: Readonly<Record<Frequency, number>> = { DAILY: 20, WEEKLY: 13, MONTHLY: 12, QUARTERLY: 8, ANNUAL: 5 };

// Calendar days per period, generous for daily data (weekends and holidays: 252 trading days a year).
const DAYS_PER_PERIOD: Readonly<Record<Frequency, number>> = { DAILY: 1.6, WEEKLY: 7, MONTHLY: 31, QUARTERLY: 92, ANNUAL: 366 };
const MAX_LOOKBACK_DAYS = 200 * 366;

export function resolveWindow(window: number | null | undefined, frequency: Frequency): number {
  const w = window ?? DEFAULT_WINDOW[frequency];
  assertWindow(w, Number.POSITIVE_INFINITY); // integer ≥ 2; the length check comes once the data is read
  return w;
}

/** The date to start reading so that `periods` whole periods precede `from`. */
export function readStart(from: string, frequency: Frequency, periods: number): string {
  const days = Math.min(MAX_LOOKBACK_DAYS, Math.ceil(periods * DAYS_PER_PERIOD[frequency]) + 10);
  return addDays(from, -days);
}
