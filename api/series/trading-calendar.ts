// Exchange trading calendars: which weekdays a market is closed, by rule, so they hold for any year
// without a table that must be extended. XNYS is the New York Stock Exchange's (Nasdaq closes on the
// same days), from its published holiday rules (NYSE Rule 7.2):
// New Year's Day, Martin Luther King Jr. Day (3rd Monday of January), Washington's Birthday (3rd
// Monday of February), Good Friday, Memorial Day (last Monday of May), Juneteenth (June 19, from
// 2022), Independence Day, Labor Day (1st Monday of September), Thanksgiving (4th Thursday of
// November) and Christmas. A holiday on a Saturday is observed the Friday before, on a Sunday the
// Monday after, except New Year's Day on a Saturday, which is not observed (the Friday before ends
// a year). Beyond the rules, the unscheduled closings NYSE announced (national days of mourning,
// weather), listed below.
import { addDays, weekday } from './dates.js';

export type TradingCalendar = 'XNYS';

export const TRADING_CALENDARS: readonly TradingCalendar[] = ['XNYS'];

/** Unscheduled full-day closings of NYSE since 2001 (NYSE's closings history). */
const XNYS_UNSCHEDULED: ReadonlySet<string> = new Set([
  '2001-09-11',
  '2001-09-12',
  '2001-09-13',
  '2001-09-14', // September 11
  '2004-06-11', // President Reagan's funeral
  '2007-01-02', // President Ford's funeral
  '2012-10-29',
  '2012-10-30', // Hurricane Sandy
  '2018-12-05', // President G. H. W. Bush's funeral
  '2025-01-09', // President Carter's funeral
]);

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The n-th (1-based) given weekday (0 = Sunday) of a month; n = -1: the last. */
function nthWeekday(year: number, month: number, dow: number, n: number): string {
  if (n > 0) {
    const first = ymd(year, month, 1);
    return addDays(first, ((dow - weekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = addDays(month === 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1), -1);
  return addDays(last, -((weekday(last) - dow + 7) % 7));
}

/** Easter Sunday (Gregorian; the anonymous algorithm of Meeus/Jones/Butcher). */
export function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(date: string): string {
  const dow = weekday(date);
  return dow === 6 ? addDays(date, -1) : dow === 0 ? addDays(date, 1) : date;
}

const cache = new Map<number, ReadonlySet<string>>();

/** NYSE's full-day holidays of one year (weekdays only). */
export function xnysHolidays(year: number): ReadonlySet<string> {
  const known = cache.get(year);
  if (known) return known;
  const days: string[] = [];
  const newYear = ymd(year, 1, 1);
  if (weekday(newYear) !== 6) days.push(observed(newYear));
  days.push(nthWeekday(year, 1, 1, 3), nthWeekday(year, 2, 1, 3), addDays(easter(year), -2), nthWeekday(year, 5, 1, -1));
  if (year >= 2022) days.push(observed(ymd(year, 6, 19)));
  days.push(observed(ymd(year, 7, 4)), nthWeekday(year, 9, 1, 1), nthWeekday(year, 11, 4, 4), observed(ymd(year, 12, 25)));
  for (const d of XNYS_UNSCHEDULED) if (d.startsWith(`${year}-`)) days.push(d);
  const set = new Set(days.filter((d) => d.startsWith(`${year}-`)));
  cache.set(year, set);
  return set;
}

/** Whether `date` is a trading session: a weekday that is not a holiday of the calendar. */
export function isSession(date: string, calendar?: TradingCalendar): boolean {
  const dow = weekday(date);
  if (dow === 0 || dow === 6) return false;
  return calendar !== 'XNYS' || !xnysHolidays(Number(date.slice(0, 4))).has(date);
}

/** The last session on or before `date`: weekends always skipped, holidays when the calendar is known. */
export function lastSessionOnOrBefore(date: string, calendar?: TradingCalendar): string {
  let d = date;
  while (!isSession(d, calendar)) d = addDays(d, -1);
  return d;
}

/** The first session strictly after `date`. */
export function nextSession(date: string, calendar?: TradingCalendar): string {
  let d = addDays(date, 1);
  while (!isSession(d, calendar)) d = addDays(d, 1);
  return d;
}
