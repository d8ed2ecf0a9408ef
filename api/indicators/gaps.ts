// Changes across a missing period (series/gaps.ts) are not one-period changes: an indicator built on
// per-period changes (RETURNS, VOLATILITY, CORRELATION, ...) gets null there, and names the periods.
import { periodsAreOwed, periodSpan, periodsBetween } from '../series/gaps.js';
import type { Frequency } from '../series/types.js';

export interface GapFree {
  changes: (number | null)[];
  /** The periods with no value between observations, in order (empty at daily frequency). */
  missingPeriods: string[];
}

/**
 * `changes[i]` is the change from observation i − 1 to i (`dates` are those observations): it is
 * nulled when the two are more than one period apart.
 */
export function nullAcrossGaps(dates: readonly string[], changes: (number | null)[], frequency: Frequency): GapFree {
  if (!periodsAreOwed(frequency)) return { changes, missingPeriods: [] }; // daily: a day without a value is no session
  const out = changes.slice();
  const missing: string[] = [];
  for (let i = 1; i < dates.length; i++) {
    if (periodSpan(dates[i - 1], dates[i], frequency) > 1) {
      out[i] = null;
      missing.push(...periodsBetween(dates[i - 1], dates[i], frequency));
    }
  }
  return { changes: out, missingPeriods: missing };
}

/** `meta.missingPeriods`, only when there are some, so meta stays as it was for complete data. */
export const gapMeta = (missing: readonly string[]): Record<string, unknown> => (missing.length > 0 ? { missingPeriods: [...new Set(missing)].sort() } : {});
