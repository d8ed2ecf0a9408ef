import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  CALENDAR_COVERAGE,
  cotReleaseByRule,
  cotReleaseDate,
  cpiReleaseDate,
  gdpEstimateInForce,
  gdpReleases,
  h15DailyReleaseDate,
  h15MonthlyReleaseDate,
  isH15PublicationDay,
  nextCpiRelease,
  nextGdpRelease,
  nextH15PublicationDay,
  nextPeriodDue,
} from '../../api/series/release-calendars.js';
import { CFTC_COT_RELEASE_DATES_CSV, CPI_RELEASE_DATES_CSV, FEDERAL_RESERVE_HOLIDAYS_CSV, GDP_RELEASE_DATES_CSV } from '../../api/series/release-calendars.data.js';
import { sourceColumn } from '../helpers/source-csv.js';

// Each calendar against dates published by its source or reported on the day, gathered independently
// of data/calendars/ (where each was first transcribed from the agency's schedule):
// CPI
// - 2026-02-13 (January 2026): BLS news release cpi.nr0.htm, "embargoed until 8:30 a.m. (ET) Friday, February 13, 2026".
// - 2026-01-13 (December 2025): BLS CPI release as reported that day (ABA Banking Journal 2026-01-13).
// - 2025-12-18 (November 2025): the November release "on Thursday, December 18, 2025" (USDL-25-1584).
// - 2025-10-24 (September 2025): BLS notice "September 2025 CPI Release Rescheduled" (bls.gov/bls/092025-cpi-reschedule-notice.htm).
// - 2025-04-10 … 2025-09-11: the release days on which the R package Economic/realtalk tagged its CPI
//   updates (NEWS.md: 2025.4.10, 2025.5.13, 2025.6.11, 2025.7.15, 2025.8.12, 2025.9.11).
// - 2024-04-10 (March 2024): ABA Banking Journal report of the release, dated 2024-04-10.
// GDP
// - 2024-07-25 / 2024-08-29 / 2024-09-26: data/real/gdp_2024q1q2_release_vintages_bea.csv (BEA Survey of Current Business).
// - 2025-09-25: BEA, "Annual Update of GDP, Industry, and State Statistics Starts Sept. 25" (bea.gov, 2025-09-17).
// - 2025-12-23 and 2026-01-22: BEA's initial and updated estimates of 2025Q3 ("replaces the release of the
//   advance estimate originally scheduled for October 30"; "replaces … the third estimate … December 19").
// - 2026-02-20: bea.gov front page, "GDP (Advance Estimate), 4th Quarter and Year 2025", February 20, 2026.
// - 2026-03-13: the second estimate of 2025Q4 (0.7 %), reported 2026-03-13 (Fox Business; AP via Newser: "the final report is due April 9").
// - 2026-04-09: BEA Survey of Current Business, April 2026, "Charting the Economy": estimates "released … on April 9, 2026" (2025Q4: 0.5 %).
// H.15
// - The Board's H.15 announcements: Treasury rates "with an as-of date of September 12, 2023 … omitted on the H.15
//   published on Wednesday, September 13, 2023"; "as-of date of August 1, 2023 … H.15 published on Wednesday, August 2, 2023".
// - H.15 technical Q&A: monthly averages are posted "on the first business day after the end of the month".
// - FRED's DGS2 (data/real/dgs2_daily_fred.csv) is blank on every weekday the H.15 had no Treasury rate.
// CFTC
// - cftc.gov "Release Schedule" of the Commitments of Traders, December 2023-2024 (data/calendars/cftc_cot_release_dates.csv,
//   transcribed from it): the holiday rule is held against every date of it.

describe('CPI release calendar (BLS)', () => {
  it.each([
    ['2026-01-01', '2026-02-13'],
    ['2025-12-01', '2026-01-13'],
    ['2025-11-01', '2025-12-18'],
    ['2025-09-01', '2025-10-24'],
    ['2025-08-01', '2025-09-11'],
    ['2025-07-01', '2025-08-12'],
    ['2025-06-01', '2025-07-15'],
    ['2025-05-01', '2025-06-11'],
    ['2025-04-01', '2025-05-13'],
    ['2025-03-01', '2025-04-10'],
    ['2024-12-01', '2025-01-15'],
    ['2024-03-01', '2024-04-10'],
  ])('%s was released on %s', (month, released) => {
    expect(cpiReleaseDate(month)).toBe(released);
  });

  it('October 2025 was never collected: BLS published November 2025 alone on 2025-12-18, and the calendar dates October there', () => {
    expect(cpiReleaseDate('2025-10-01')).toBe('2025-12-18');
  });

  it('every month from 2021 to January 2026 is there, released on a weekday 9 to 79 days after the month ends', () => {
    const rows = CPI_RELEASE_DATES_CSV.trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.length).toBe(62);
    for (const [month, released] of rows) {
      const end = new Date(`${month}T00:00:00Z`);
      end.setUTCMonth(end.getUTCMonth() + 1);
      const days = (Date.parse(`${released}T00:00:00Z`) - end.getTime()) / 86_400_000;
      expect(days, month).toBeGreaterThanOrEqual(9);
      expect(days, month).toBeLessThanOrEqual(79); // October 2025, published with November
      expect(isH15PublicationDay(released), `${released} is a business day`).toBe(true);
    }
  });

  it('the next release after a date, and nothing past the calendar', () => {
    expect(nextCpiRelease('2025-01-31')).toEqual({ date: '2025-02-12', referenceMonth: '2025-01-01' });
    expect(nextCpiRelease('2025-01-15')).toEqual({ date: '2025-02-12', referenceMonth: '2025-01-01' });
    expect(nextCpiRelease(CALENDAR_COVERAGE.cpi)).toBeUndefined();
    expect(cpiReleaseDate('2026-02-01')).toBeUndefined();
  });
});

describe('GDP release calendar (BEA)', () => {
  it.each([
    ['2024-07-25', '2024-04-01', 'advance'],
    ['2024-08-29', '2024-04-01', 'second'],
    ['2024-09-26', '2024-04-01', 'third'],
    ['2025-09-25', '2025-04-01', 'third'],
    ['2025-12-23', '2025-07-01', 'initial'],
    ['2026-01-22', '2025-07-01', 'updated'],
    ['2026-02-20', '2025-10-01', 'advance'],
    ['2026-03-13', '2025-10-01', 'second'],
    ['2026-04-09', '2025-10-01', 'third'],
  ])('%s: %s %s', (date, quarter, estimate) => {
    expect(gdpReleases().find((r) => r.date === date)).toMatchObject({ quarter, estimate });
  });

  it('the 2024 and 2025 annual updates came with the third estimates of the second quarters', () => {
    expect(
      gdpReleases()
        .filter((r) => r.annualUpdate)
        .map((r) => r.date),
    ).toEqual(['2024-09-26', '2025-09-25']);
  });

  it('releases are on business days, one quarter at a time in order, each estimated at most three times', () => {
    const all = gdpReleases();
    for (const r of all) expect(isH15PublicationDay(r.date), r.date).toBe(true);
    for (let i = 1; i < all.length; i++) expect(all[i].quarter >= all[i - 1].quarter && all[i].date > all[i - 1].date).toBe(true);
    const perQuarter = new Map<string, number>();
    for (const r of all) perQuarter.set(r.quarter, (perQuarter.get(r.quarter) ?? 0) + 1);
    expect(Math.max(...perQuarter.values())).toBeLessThanOrEqual(3);
    expect(perQuarter.get('2025-07-01')).toBe(2); // the 2025 funding lapse: an initial and an updated estimate only
  });

  it('the estimate a snapshot holds: the latest release by its date that estimated or restated the quarter', () => {
    // FRED's A191RL1Q225SBEA as of 2026-04-15 holds 2025Q4 = 0.5, the third estimate (BEA SCB, April 2026)
    expect(gdpEstimateInForce('2025-10-01', '2026-04-15')).toMatchObject({ date: '2026-04-09', estimate: 'third' });
    expect(gdpEstimateInForce('2025-07-01', '2026-04-15')?.date).toBe('2026-01-22');
    expect(gdpEstimateInForce('2025-04-01', '2026-04-15')?.date).toBe('2025-09-25');
    expect(gdpEstimateInForce('2021-01-01', '2026-04-15')?.date).toBe('2025-09-25'); // restated by the annual update
    expect(gdpEstimateInForce('2025-07-01', '2026-01-02')?.date).toBe('2025-12-23');
    expect(gdpEstimateInForce('2024-07-01', '2024-12-19')?.date).toBe('2024-12-19');
    expect(gdpEstimateInForce('2024-07-01', '2024-12-18')?.date).toBe('2024-11-27');
    expect(gdpEstimateInForce('2024-10-01', '2024-12-19')).toBeUndefined(); // not yet estimated
    expect(gdpEstimateInForce('2023-01-01', '2024-09-25')).toBeUndefined(); // before the calendar's first annual update
  });

  it('the next release after a date', () => {
    expect(nextGdpRelease('2026-02-20')).toMatchObject({ date: '2026-03-13', quarter: '2025-10-01' });
    expect(nextGdpRelease(CALENDAR_COVERAGE.gdp)).toBeUndefined();
  });
});

describe('H.15 publication days (Federal Reserve Board)', () => {
  it("a Treasury rate is on the next business day's H.15 (the Board's own examples of 2023)", () => {
    expect(h15DailyReleaseDate('2023-09-12')).toBe('2023-09-13');
    expect(h15DailyReleaseDate('2023-08-01')).toBe('2023-08-02');
  });

  it('weekends and holidays wait for the next business day; Good Friday is one (the Board is open)', () => {
    expect(h15DailyReleaseDate('2024-07-12')).toBe('2024-07-15'); // Friday → Monday
    expect(h15DailyReleaseDate('2024-07-13')).toBe('2024-07-15'); // DFF's Saturday value
    expect(h15DailyReleaseDate('2024-07-03')).toBe('2024-07-05'); // across Independence Day
    expect(h15DailyReleaseDate('2024-08-30')).toBe('2024-09-03'); // across Labor Day
    expect(h15DailyReleaseDate('2024-03-28')).toBe('2024-03-29'); // Good Friday: bond market closed, Board open
    expect(h15DailyReleaseDate('2023-11-09')).toBe('2023-11-13'); // Veterans Day on a Saturday: the Friday counts as closed (errs late)
  });

  it('monthly averages on the first business day after the month', () => {
    expect(h15MonthlyReleaseDate('2024-06-01')).toBe('2024-07-01');
    expect(h15MonthlyReleaseDate('2024-08-01')).toBe('2024-09-03'); // 09-01 Sunday, 09-02 Labor Day
    expect(h15MonthlyReleaseDate('2023-12-01')).toBe('2024-01-02');
    expect(h15MonthlyReleaseDate('2022-02-01')).toBe('2022-03-01');
  });

  it("every weekday holiday of 2022-2024 is a day FRED has no 2-year yield; the other blanks are the bond market's Good Fridays", () => {
    const blanks = new Set(
      sourceColumn('dgs2_daily_fred.csv', 'DGS2')
        .filter(([, v]) => v === null)
        .map(([d]) => d),
    );
    const holidays = FEDERAL_RESERVE_HOLIDAYS_CSV.trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    const weekdayHolidays = holidays.filter((d) => d >= '2022-01-03' && d <= '2024-12-31' && !['0', '6'].includes(String(new Date(`${d}T00:00:00Z`).getUTCDay())));
    expect(weekdayHolidays.length).toBe(31);
    for (const d of weekdayHolidays) expect(blanks.has(d), d).toBe(true);
    expect([...blanks].filter((d) => !weekdayHolidays.includes(d)).sort()).toEqual(['2022-04-15', '2024-03-29']);
    for (const d of blanks) expect(isH15PublicationDay(d), d).toBe(['2022-04-15', '2024-03-29'].includes(d));
  });

  it('past the holiday table the next publication day is unknown', () => {
    expect(CALENDAR_COVERAGE.h15).toBe('2027-12-31');
    expect(nextH15PublicationDay('2027-12-30')).toBe('2027-12-31');
    expect(nextH15PublicationDay('2027-12-31')).toBeUndefined();
  });
});

describe('Commitments of Traders releases (CFTC)', () => {
  it('the published 2024 schedule: Friday, or Monday after a holiday week (Juneteenth, Independence Day, Thanksgiving, Christmas)', () => {
    expect(cotReleaseDate('2024-07-16')).toBe('2024-07-19');
    expect(cotReleaseDate('2024-06-18')).toBe('2024-06-24');
    expect(cotReleaseDate('2024-07-02')).toBe('2024-07-08');
    expect(cotReleaseDate('2024-11-26')).toBe('2024-12-02');
    expect(cotReleaseDate('2024-12-24')).toBe('2024-12-30');
  });

  it('the holiday rule reproduces every date of the published schedule (57 weeks)', () => {
    const rows = CFTC_COT_RELEASE_DATES_CSV.trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    expect(rows.length).toBe(57);
    for (const [report, released] of rows) expect(cotReleaseByRule(report), report).toBe(released);
  });

  it('past the schedule the rule dates a report as far as the holiday table goes, then nothing', () => {
    expect(cotReleaseDate('2025-12-30')).toBe('2026-01-05'); // New Year's Day on the Thursday
    expect(cotReleaseDate('2025-07-01')).toBe('2025-07-07'); // Independence Day on the Friday
    expect(cotReleaseDate('2025-07-08')).toBe('2025-07-11');
    expect(cotReleaseDate('2026-06-30')).toBe('2026-07-06'); // Independence Day on a Saturday: observed Friday 07-03
    expect(cotReleaseDate('2028-01-04')).toBeUndefined();
  });
});

describe('the next period due, for freshness', () => {
  it('by each calendar, and unknown past it', () => {
    expect(nextPeriodDue('cpi', '2024-11-01')).toBe('2025-01-15'); // December 2024 CPI
    expect(nextPeriodDue('cpi', '2025-09-01')).toBe('2025-12-18'); // October 2025, never collected, went out with November
    expect(nextPeriodDue('cpi', '2026-01-01')).toBeUndefined();
    expect(nextPeriodDue('gdp', '2025-07-01')).toBe('2026-02-20'); // 2025Q4 advance
    expect(nextPeriodDue('gdp', '2025-10-01')).toBeUndefined();
    expect(nextPeriodDue('h15Daily', '2024-07-12')).toBe('2024-07-16'); // Monday 07-15's yield
    expect(nextPeriodDue('h15Daily', '2024-07-03')).toBe('2024-07-08'); // Friday 07-05's yield, across the holiday
    expect(nextPeriodDue('h15Monthly', '2024-07-01')).toBe('2024-09-03'); // the August average
  });
});

describe('the embedded tables', () => {
  it('are the CSVs in data/calendars/ (regenerate with npx tsx scripts/generate-release-calendars.ts)', () => {
    expect(CPI_RELEASE_DATES_CSV).toBe(readFileSync('data/calendars/cpi_release_dates.csv', 'utf8'));
    expect(GDP_RELEASE_DATES_CSV).toBe(readFileSync('data/calendars/gdp_release_dates.csv', 'utf8'));
    expect(FEDERAL_RESERVE_HOLIDAYS_CSV).toBe(readFileSync('data/calendars/federal_reserve_holidays.csv', 'utf8'));
    expect(CFTC_COT_RELEASE_DATES_CSV).toBe(readFileSync('data/calendars/cftc_cot_release_dates.csv', 'utf8'));
  });

  it('the pure module imports nothing but its data and date arithmetic', () => {
    const imports = execFileSync('grep', ['^import', 'api/series/release-calendars.ts'], { encoding: 'utf8' }).trim().split('\n');
    expect(imports).toEqual([
      "import { addDays, addMonths, weekday } from './dates.js';",
      "import { CFTC_COT_RELEASE_DATES_CSV, CPI_RELEASE_DATES_CSV, FEDERAL_RESERVE_HOLIDAYS_CSV, GDP_RELEASE_DATES_CSV } from './release-calendars.data.js';",
    ]);
  });
});
