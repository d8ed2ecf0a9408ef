import { addDays, addMonths, weekday } from './dates.js';
import { CFTC_COT_RELEASE_DATES_CSV, CPI_RELEASE_DATES_CSV, FEDERAL_RESERVE_HOLIDAYS_CSV, GDP_RELEASE_DATES_CSV } from './release-calendars.data.js';

// The published release calendars of the sources whose values Tide dates: BLS's CPI schedule, BEA's GDP
// schedule, the Federal Reserve Board's business days (the H.15 is posted every business day) and the
// CFTC's Commitments of Traders schedule.
// Data: data/calendars/*.csv (citations in data/calendars/README.md), embedded by
// scripts/generate-release-calendars.ts. Pure: every answer comes from those tables.
// A date past a calendar's coverage is unknown (undefined), never guessed: the caller errs late.

export interface GdpRelease {
  /** The day BEA published it. */
  date: string;
  /** The quarter estimated, as its first day (2025-10-01 = 2025Q4). */
  quarter: string;
  /** advance, second, third; after the 2025 funding lapse also initial and updated. */
  estimate: string;
  /** The annual update, published with this release, restates every earlier quarter it covers. */
  annualUpdate: boolean;
}

function rows(csv: string): string[][] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));
}

const quarterStart = (text: string): string => {
  const m = /^(\d{4})Q([1-4])$/.exec(text);
  if (!m) throw new Error(`gdp_release_dates.csv: bad quarter "${text}"`);
  return `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
};

const CPI = new Map(rows(CPI_RELEASE_DATES_CSV).map(([month, released]) => [month, released]));
const CPI_BY_RELEASE = [...CPI.entries()].map(([referenceMonth, date]) => ({ referenceMonth, date })).sort((a, b) => (a.date < b.date ? -1 : 1));
const GDP: readonly GdpRelease[] = rows(GDP_RELEASE_DATES_CSV)
  .map(([date, quarter, estimate, annual]) => ({ date, quarter: quarterStart(quarter), estimate, annualUpdate: annual === 'yes' }))
  .sort((a, b) => (a.date < b.date ? -1 : 1));
const HOLIDAYS = new Set(rows(FEDERAL_RESERVE_HOLIDAYS_CSV).map(([date]) => date));
const COT = new Map(rows(CFTC_COT_RELEASE_DATES_CSV).map(([report, released]) => [report, released]));
const H15_THROUGH = `${[...HOLIDAYS].sort().at(-1)!.slice(0, 4)}-12-31`;
/** The first day the holiday table covers: before it, a business day may be a holiday Tide does not know. */
export const H15_HOLIDAYS_FROM = `${[...HOLIDAYS].sort()[0].slice(0, 4)}-01-01`;

/** The last day each calendar knows: past it, release dates are unknown. */
export const CALENDAR_COVERAGE = {
  cpi: CPI_BY_RELEASE.at(-1)!.date,
  gdp: GDP.at(-1)!.date,
  h15: H15_THROUGH,
  /** the CFTC's published schedule; later weeks follow its holiday rule (cotReleaseDate) as far as the holiday table goes */
  cot: [...COT.values()].sort().at(-1)!,
} as const;

// ---- BLS Consumer Price Index ----

/** The day BLS published the CPI of a reference month (`2024-12-01` → `2025-01-15`), or undefined if unknown. */
export function cpiReleaseDate(referenceMonth: string): string | undefined {
  return CPI.get(referenceMonth);
}

/** The first CPI release strictly after `date` that the calendar knows, with its reference month. */
export function nextCpiRelease(date: string): { date: string; referenceMonth: string } | undefined {
  return CPI_BY_RELEASE.find((r) => r.date > date);
}

// ---- BEA Gross Domestic Product ----

/** Every GDP release the calendar holds, oldest first. */
export function gdpReleases(): readonly GdpRelease[] {
  return GDP;
}

/**
 * The release whose estimate of `quarter` a snapshot taken on `vintage` holds: the latest release on or
 * before `vintage` that estimated that quarter, or an annual update that restated it. Undefined when the
 * calendar has no such release (the quarter is older than its first annual update or not yet estimated).
 */
export function gdpEstimateInForce(quarter: string, vintage: string): GdpRelease | undefined {
  let found: GdpRelease | undefined;
  for (const r of GDP) {
    if (r.date > vintage) break;
    if (r.quarter === quarter || (r.annualUpdate && quarter < r.quarter)) found = r;
  }
  return found;
}

/** The first GDP release strictly after `date` that the calendar knows. */
export function nextGdpRelease(date: string): GdpRelease | undefined {
  return GDP.find((r) => r.date > date);
}

// ---- Federal Reserve Board H.15 (Selected Interest Rates) ----

/**
 * True on a day the Board posts the H.15: a weekday that is not a Federal Reserve holiday. When a holiday
 * falls on a Saturday the Reserve Banks open on the Friday before; the Board may not, so that Friday
 * counts as closed (a value is then dated a day late rather than a day early).
 */
export function isH15PublicationDay(date: string): boolean {
  const day = weekday(date);
  if (day === 0 || day === 6) return false;
  if (HOLIDAYS.has(date)) return false;
  return !(day === 5 && HOLIDAYS.has(addDays(date, 1)));
}

/** The first H.15 publication day strictly after `date`, or undefined past the holiday table. */
export function nextH15PublicationDay(date: string): string | undefined {
  for (let d = addDays(date, 1); d <= H15_THROUGH; d = addDays(d, 1)) if (isH15PublicationDay(d)) return d;
  return undefined;
}

/**
 * The day a daily H.15 rate for `date` was published: the H.15 posted each business day carries the
 * previous business day's rates (Treasury yields, the effective federal funds rate), so the next
 * publication day after the date. A weekend or holiday value (FRED's daily DFF repeats the last rate)
 * likewise appears on the next publication day.
 */
export function h15DailyReleaseDate(date: string): string | undefined {
  return nextH15PublicationDay(date);
}

/** The day a monthly H.15 average for the month starting `monthStart` was published: the first business day after the month ends. */
export function h15MonthlyReleaseDate(monthStart: string): string | undefined {
  const [y, m] = monthStart.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return nextH15PublicationDay(lastDay);
}

// ---- CFTC Commitments of Traders ----

/**
 * The day the CFTC published the Commitments of Traders of `reportDate` (a Tuesday, or the Monday of a
 * week whose Tuesday is a holiday). From the CFTC's published schedule where it has one; otherwise by
 * the rule that schedule follows ("Federal holidays may delay release by one or two days"): the Friday
 * of the report's week, or, when a Federal holiday falls between the report and that Friday (a Saturday
 * holiday counting on its Friday), the next business day after it (2024: Juneteenth and Independence
 * Day weeks on Monday 06-24 and 07-08).
 */
export function cotReleaseDate(reportDate: string): string | undefined {
  const published = COT.get(reportDate);
  if (published) return published;
  return cotReleaseByRule(reportDate);
}

/** The holiday rule alone (exported so the test can hold it against the published schedule). */
export function cotReleaseByRule(reportDate: string): string | undefined {
  const friday = addDays(reportDate, (5 - weekday(reportDate) + 7) % 7);
  if (friday > H15_THROUGH) return undefined;
  // a Saturday holiday is observed by federal offices on the Friday, which then counts as a holiday too
  for (let d = addDays(reportDate, 1); d <= friday; d = addDays(d, 1)) if (!isH15PublicationDay(d)) return nextH15PublicationDay(friday);
  return friday;
}

// ---- The next value a series is due ----

/** The calendars a bundled series can be dated by (the `calendar` of a `releaseCalendar` rule in data/catalog.json). */
export type ReleaseCalendarName = 'cpi' | 'gdp' | 'h15Daily' | 'h15Monthly';

/**
 * The day the period after `lastPeriod` is due to be published, by the series' calendar: the next
 * month's CPI, the next quarter's first GDP estimate, the next business day's H.15 rate, the next
 * month's H.15 average. Undefined when the calendar does not reach that far (say so, or err late).
 */
export function nextPeriodDue(calendar: ReleaseCalendarName, lastPeriod: string): string | undefined {
  switch (calendar) {
    case 'cpi':
      return cpiReleaseDate(addMonths(lastPeriod, 1));
    case 'gdp': {
      // the first release of exactly the next quarter: a quarter older than the table has none
      const next = addMonths(lastPeriod, 3);
      return GDP.find((r) => r.quarter === next)?.date;
    }
    case 'h15Daily': {
      const nextDay = nextH15PublicationDay(lastPeriod);
      return nextDay && h15DailyReleaseDate(nextDay);
    }
    case 'h15Monthly':
      return h15MonthlyReleaseDate(addMonths(lastPeriod, 1));
  }
}
