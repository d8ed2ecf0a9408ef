import { parseCftcSeriesId } from './cftc-fields.js';
import { addDays, weekday } from './dates.js';
import type { ReleaseCalendar } from './freshness.js';
import { periodOf } from './periods.js';
import { cotReleaseDate, H15_HOLIDAYS_FROM, nextPeriodDue, type ReleaseCalendarName } from './release-calendars.js';
import { nextSession, type TradingCalendar } from './trading-calendar.js';
import type { SeriesMeta } from './types.js';

// Which publisher's calendar says when a series' next value comes out: the one definition freshness
// (the API's `series { freshness }`, the front page, `npm run ingest -- status`, the ingest's metrics)
// dates `expectedBy` by. Decided from what every stored series carries, its source and its exchange
// calendar, so a series ingested by a connector and the same series loaded from the bundled dataset
// follow the same calendar (test/series/publisher-calendar.test.ts holds the table below against the
// `releaseCalendar` rules of data/catalog.json).

export type PublisherCalendar =
  /** A release calendar of data/calendars (api/series/release-calendars.ts). */
  | { kind: 'release'; calendar: ReleaseCalendarName }
  /** The CFTC's Commitments of Traders schedule: a report per Tuesday, out on the Friday after. */
  | { kind: 'cot' }
  /** A daily close on an exchange's trading calendar (api/series/trading-calendar.ts). */
  | { kind: 'trading'; calendar: TradingCalendar };

/** FRED series by the agency release they come from (the same calendars data/catalog.json dates them by). */
export const FRED_RELEASE_CALENDARS: Readonly<Record<string, ReleaseCalendarName>> = {
  CPIAUCSL: 'cpi',
  CPIAUCNS: 'cpi',
  GDPC1: 'gdp',
  A191RL1Q225SBEA: 'gdp',
  DGS2: 'h15Daily',
  DFF: 'h15Daily',
  FEDFUNDS: 'h15Monthly',
};

/**
 * Days after a session's close until its close is in Tide's sources: FRED, Stooq and Yahoo post the
 * day's close that evening or overnight (the scheduled ingest runs at 23:30 UTC on weekdays), so the
 * close of a session is due the calendar day after it.
 */
export const CLOSE_PUBLICATION_LAG_DAYS = 1;

const FRED_SOURCE = /^FRED\b/;

/** The publisher's calendar `meta` follows, or undefined when none is known (freshness then uses the lag rule). */
export function publisherCalendarOf(meta: Pick<SeriesMeta, 'id' | 'frequency' | 'source' | 'calendar'>): PublisherCalendar | undefined {
  if (FRED_SOURCE.test(meta.source.name)) {
    const calendar = FRED_RELEASE_CALENDARS[meta.source.sourceId];
    if (calendar) return { kind: 'release', calendar };
  }
  if (meta.frequency === 'WEEKLY' && parseCftcSeriesId(meta.id)) return { kind: 'cot' };
  if (meta.frequency === 'DAILY' && meta.calendar) return { kind: 'trading', calendar: meta.calendar };
  return undefined;
}

const NAMES: Record<ReleaseCalendarName, string> = {
  cpi: "BLS's CPI release schedule",
  gdp: "BEA's GDP release schedule",
  h15Daily: "the Federal Reserve Board's H.15 business days",
  h15Monthly: "the Federal Reserve Board's H.15 business days (monthly averages)",
};

/** How the API names a calendar (Freshness.calendar). */
export function publisherCalendarName(c: PublisherCalendar): string {
  if (c.kind === 'release') return NAMES[c.calendar];
  if (c.kind === 'cot') return "the CFTC's Commitments of Traders release schedule";
  const exchange: Record<TradingCalendar, string> = { XNYS: 'the NYSE' };
  return `${exchange[c.calendar]} trading calendar`;
}

/** The report after a COT report: the Tuesday of the next week (the CFTC dates its reports by the Tuesday). */
const nextCotReport = (last: string): string => addDays(last, 8 - ((weekday(last) + 6) % 7));

/**
 * The calendar as freshness asks it: the day the observation after `last` is published, or undefined
 * where the calendar does not reach (outside data/calendars' rows: past the last, or before the first
 * holiday the Board's table holds; freshness then errs late by the rule).
 */
export function releaseCalendarOf(c: PublisherCalendar): ReleaseCalendar {
  switch (c.kind) {
    case 'release': {
      const period = c.calendar === 'h15Daily' ? (d: string) => d : (d: string) => periodOf(d, c.calendar === 'gdp' ? 'QUARTERLY' : 'MONTHLY');
      const knowsHolidays = c.calendar === 'h15Daily' || c.calendar === 'h15Monthly';
      return (last) => (knowsHolidays && last < H15_HOLIDAYS_FROM ? undefined : nextPeriodDue(c.calendar, period(last)));
    }
    case 'cot':
      // the CFTC's holiday rule needs the Board's holidays
      return (last) => (last < H15_HOLIDAYS_FROM ? undefined : cotReleaseDate(nextCotReport(last)));
    case 'trading':
      return (last) => addDays(nextSession(last, c.calendar), CLOSE_PUBLICATION_LAG_DAYS);
  }
}
