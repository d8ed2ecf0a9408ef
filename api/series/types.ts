// The shapes every layer shares: the store writes them, ingestion produces them, resolvers read them.

import type { Frequency, Transform } from '../generated/enums.js';
import type { TradingCalendar } from './trading-calendar.js';

// The schema's Frequency enum is the one list of frequencies; series/periods.ts orders it.
export type { Frequency };

/** One published value: the observation `date` as first known (or revised) on `realtimeStart`. */
export interface Revision {
  date: string; // YYYY-MM-DD, the observation's own date (period start for monthly and lower)
  value: number | null; // null = published as missing
  realtimeStart: string; // YYYY-MM-DD, the day the value became public
}

/** Columnar values as they were known at one moment; null = missing. */
export interface Columns {
  dates: string[];
  values: (number | null)[];
}

/**
 * Revisions stored column by column, as a year-chunk holds them (row i is one Revision), sorted by
 * date then realtimeStart. Reading values as known on a day from columns allocates no object per row.
 */
export interface RevisionColumns {
  dates: string[];
  values: (number | null)[];
  realtimeStarts: string[];
}

export interface SeriesMeta {
  id: string;
  name: string;
  unit: string;
  frequency: Frequency;
  source: { name: string; url?: string; sourceId: string };
  notes?: string;
  /**
   * Set on an expectation (a consensus or nowcast) of a transformed actual: YOY when the values
   * forecast the year-over-year change in percent (CPI "3.1 % y/y"), so SURPRISE compares like with like.
   */
  expects?: Transform;
  /**
   * The day the series ended for good (a Kalshi market that settled): no further observation is
   * due, so it is never stale, however long ago its last value.
   */
  ended?: string;
  /** The exchange calendar a daily series trades on (series/trading-calendar.ts), when known: its periods end on their last session. */
  calendar?: TradingCalendar;
  firstDate?: string;
  lastDate?: string;
  lastUpdated?: string;
  /** The first and last day a value was published or revised; the full list is read on its own (SeriesStore.readVintages). */
  firstVintage?: string;
  lastVintage?: string;
  vintageCount?: number;
}
