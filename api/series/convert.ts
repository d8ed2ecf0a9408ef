// Converting a series to a lower frequency, honestly: whole periods aggregated by the rule in
// resample.ts, and an incomplete last period (the data end before it does) left out, or kept and
// flagged when asked. A kept partial period is never labelled with a date after its data.
import { periodComplete, periodOf } from './periods.js';
import { resample, type Aggregation } from './resample.js';
import type { Columns, Frequency } from './types.js';
import type { TradingCalendar } from './trading-calendar.js';

export interface Converted {
  columns: Columns;
  /** True when the last period returned is incomplete (only when includePartial). */
  partial: boolean;
}

/** `calendar`: the trading calendar of a daily series, so a period ending on a holiday is due on the session before. */
export function convert(columns: Columns, source: Frequency, to: Frequency, how: Aggregation, includePartial: boolean, calendar?: TradingCalendar): Converted {
  const n = columns.dates.length;
  if (n === 0) return { columns, partial: false };
  const lastRow = columns.dates[n - 1];
  const lastIsPartial = !periodComplete(periodOf(lastRow, to), to, lastRow, source, calendar);
  const out = resample(columns, to, how, source, lastIsPartial);
  if (!lastIsPartial) return { columns: out, partial: false };
  const m = out.dates.length;
  if (!includePartial) return { columns: { dates: out.dates.slice(0, m - 1), values: out.values.slice(0, m - 1) }, partial: false };
  // A week labelled with a future Friday is labelled with its last observation instead; a month's
  // or quarter's label (its first day) is never later than that.
  const label = out.dates[m - 1] > lastRow ? lastRow : out.dates[m - 1];
  return { columns: { dates: [...out.dates.slice(0, m - 1), label], values: out.values }, partial: true };
}
