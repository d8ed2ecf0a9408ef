// The gap rule's period arithmetic (api/series/gaps.ts), with spans worked out by hand on the calendar.
import { describe, expect, it } from 'vitest';
import { missingPeriods, periodsBetween, periodSpan } from '../../api/series/gaps.js';
import { transform } from '../../api/series/transform.js';

describe('periods a source owes', () => {
  it('spans count periods, not days; daily data always span 1', () => {
    expect(periodSpan('2025-09-01', '2025-11-01', 'MONTHLY')).toBe(2);
    expect(periodSpan('2024-12-01', '2025-01-01', 'MONTHLY')).toBe(1);
    expect(periodSpan('2024-07-01', '2025-01-01', 'QUARTERLY')).toBe(2);
    expect(periodSpan('2022-01-01', '2025-01-01', 'ANNUAL')).toBe(3);
    // CFTC reports are dated Tuesday; a Monday report (holiday week) is still the next week.
    expect(periodSpan('2024-05-21', '2024-05-27', 'WEEKLY')).toBe(1);
    expect(periodSpan('2024-05-21', '2024-06-04', 'WEEKLY')).toBe(2);
    expect(periodSpan('2024-07-03', '2024-07-05', 'DAILY')).toBe(1);
  });

  it('names the periods between, and the periods of a range with no value (a blank row or no row)', () => {
    expect(periodsBetween('2025-09-01', '2025-12-01', 'MONTHLY')).toEqual(['2025-10-01', '2025-11-01']);
    expect(periodsBetween('2024-05-21', '2024-06-04', 'WEEKLY')).toEqual(['2024-05-31']);
    expect(periodsBetween('2024-07-03', '2024-07-05', 'DAILY')).toEqual([]);
    const cols = { dates: ['2025-01-01', '2025-02-01', '2025-04-01'], values: [1, null, 3] };
    expect(missingPeriods(cols, 'MONTHLY', '2025-01-01', '2025-04-01')).toEqual(['2025-02-01', '2025-03-01']);
    expect(missingPeriods(cols, 'DAILY', '2025-01-01', '2025-04-01')).toEqual([]);
  });

  it('ANNUALIZED over a missing month compounds six times; PCT_CHANGE there is null', () => {
    const cols = { dates: ['2025-09-01', '2025-11-01'], values: [100, 101] };
    expect(transform(cols, 'ANNUALIZED', 'MONTHLY').values[1]).toBeCloseTo(1.01 ** 6 - 1, 15);
    expect(transform(cols, 'PCT_CHANGE', 'MONTHLY').values[1]).toBeNull();
    expect(transform({ dates: ['2024-07-03', '2024-07-05'], values: [100, 101] }, 'PCT_CHANGE', 'DAILY').values[1]).toBeCloseTo(0.01, 15);
  });
});
