import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { daysLate, expectedBy, expectedDue, isStale, nextObservation } from '../../api/series/freshness.js';
import type { Frequency } from '../../api/series/types.js';

// Expected values from Python's standard library, independently of Tide's date code:
// /usr/bin/python3 test/series/reference/freshness_reference.py > test/series/reference/freshness_reference.json
const REFERENCE: { last: string; frequency: Frequency; expectedBy: string }[] = JSON.parse(readFileSync('test/series/reference/freshness_reference.json', 'utf8'));

describe('when the next observation is due', () => {
  it.each(REFERENCE)('$frequency after $last: by $expectedBy', ({ last, frequency, expectedBy: due }) => {
    expect(expectedBy(last, frequency)).toBe(due);
  });

  it('the next observation of daily data skips the weekend', () => {
    expect(nextObservation('2025-01-03', 'DAILY')).toBe('2025-01-06'); // Friday → Monday
    expect(nextObservation('2025-01-04', 'DAILY')).toBe('2025-01-06'); // a Saturday row (a 7-day series) → Monday
  });

  it("a publisher's calendar, where it knows the date, decides instead of the lag, and the answer says which", () => {
    // CPI for November 2024 was released on 2024-12-11 (BLS schedule, data/calendars/cpi_release_dates.csv);
    // the calendar is asked with the last observation stored (October 2024).
    const cpi = (last: string) => (last === '2024-10-01' ? '2024-12-11' : undefined);
    expect(expectedDue('2024-10-01', 'MONTHLY', cpi)).toEqual({ date: '2024-12-11', from: 'CALENDAR' });
    expect(expectedBy('2024-10-01', 'MONTHLY', cpi)).toBe('2024-12-11');
    expect(expectedDue('2024-11-01', 'MONTHLY', cpi)).toEqual({ date: '2025-01-30', from: 'RULE' }); // beyond the calendar: the lag rule
  });

  it('stale only once the day has passed (UTC), and by how much', () => {
    expect(isStale('2025-01-05', '2025-01-05')).toBe(false);
    expect(isStale('2025-01-05', '2025-01-06')).toBe(true);
    expect(daysLate('2025-01-05', '2025-01-08')).toBe(3);
    expect(daysLate('2025-01-05', '2025-01-01')).toBe(0);
  });
});
