// NYSE's trading calendar by rule (api/series/trading-calendar.ts), checked two ways:
// - against reality: the weekdays without a close in the bundled Yahoo files (RUT, QQQ, IWM;
//   data/real/, 2022-01-03 … 2024-12-31) and FRED's blank NASDAQCOM rows are exactly its holidays;
// - against NYSE's published holiday lists for 2025, 2026 and 2027 ("Holidays & Trading Hours",
//   nyse.com/markets/hours-calendars), including the unscheduled closing of 2025-01-09.
import { describe, expect, it } from 'vitest';
import { easter, isSession, lastSessionOnOrBefore, nextSession, xnysHolidays } from '../../api/series/trading-calendar.js';
import { addDays, weekday } from '../../api/series/dates.js';
import { loadColumn } from '../indicators/helpers/data.js';

function weekdaysWithoutValue(file: string, column: string): string[] {
  const { dates, values } = loadColumn(file, column);
  const has = new Set(dates.filter((_, i) => values[i] !== null));
  const out: string[] = [];
  for (let d = dates[0]; d <= dates[dates.length - 1]; d = addDays(d, 1)) if (weekday(d) % 6 !== 0 && !has.has(d)) out.push(d);
  return out;
}

const holidaysIn = (first: number, last: number) => {
  const out: string[] = [];
  for (let y = first; y <= last; y++) out.push(...xnysHolidays(y));
  return out.sort();
};

describe('XNYS', () => {
  it.each([
    ['rut_daily_yahoo.csv', 'Close'],
    ['qqq_daily_yahoo.csv', 'Close'],
    ['iwm_daily_yahoo.csv', 'Close'],
    ['nasdaqcom_daily_fred.csv', 'NASDAQCOM'],
  ])('the weekdays %s has no value for are exactly the holidays of 2022-2024', (file, column) => {
    const missing = weekdaysWithoutValue(file, column);
    expect(missing).toEqual(holidaysIn(2022, 2024));
    expect(missing).toHaveLength(29);
  });

  it('matches the holidays NYSE published for 2025, 2026 and 2027', () => {
    expect([...xnysHolidays(2025)].sort()).toEqual([
      '2025-01-01',
      '2025-01-09',
      '2025-01-20',
      '2025-02-17',
      '2025-04-18',
      '2025-05-26',
      '2025-06-19',
      '2025-07-04',
      '2025-09-01',
      '2025-11-27',
      '2025-12-25',
    ]);
    expect([...xnysHolidays(2026)].sort()).toEqual(['2026-01-01', '2026-01-19', '2026-02-16', '2026-04-03', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25']);
    expect([...xnysHolidays(2027)].sort()).toEqual(['2027-01-01', '2027-01-18', '2027-02-15', '2027-03-26', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-11-25', '2027-12-24']);
  });

  it('New Year on a Saturday is not observed on the Friday before (2022-01-01, 2028-01-01)', () => {
    expect(isSession('2021-12-31', 'XNYS')).toBe(true);
    expect(isSession('2027-12-31', 'XNYS')).toBe(true);
    expect(xnysHolidays(2022).has('2021-12-31')).toBe(false);
  });

  it('Easter by the Gregorian computus (known dates)', () => {
    expect([2019, 2022, 2024, 2025, 2038].map(easter)).toEqual(['2019-04-21', '2022-04-17', '2024-03-31', '2025-04-20', '2038-04-25']);
  });

  it('the last session on or before a date skips weekends always, holidays with the calendar', () => {
    expect(lastSessionOnOrBefore('2024-03-30', 'XNYS')).toBe('2024-03-28'); // Saturday after Good Friday
    expect(lastSessionOnOrBefore('2024-03-31')).toBe('2024-03-29'); // no calendar: weekends only
    expect(lastSessionOnOrBefore('2024-07-04', 'XNYS')).toBe('2024-07-03');
    expect(lastSessionOnOrBefore('2024-07-05', 'XNYS')).toBe('2024-07-05');
    expect(nextSession('2024-03-28', 'XNYS')).toBe('2024-04-01'); // over Good Friday and the weekend
    expect(nextSession('2024-03-28')).toBe('2024-03-29'); // no calendar: weekends only
    expect(nextSession('2025-01-08', 'XNYS')).toBe('2025-01-10'); // over the unscheduled closing of 2025-01-09
  });
});
