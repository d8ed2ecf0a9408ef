import { describe, expect, it } from 'vitest';
import { datedMatrix, lastValue, tableMatrix } from '../../addin/src/functions/matrix.js';
import { changeBetween } from '../../addin/src/functions/change.js';
import { TideError } from '../../addin/src/shared/errors.js';
import reference from './reference/rut_change_reference.json' with { type: 'json' };

describe('matrix shaping', () => {
  const cols = { dates: ['2024-07-01', '2024-07-02', '2024-07-03'], columns: [[2010.5, null, 2050]] };

  it('spills one row per date with Excel serials, missing values as empty cells', () => {
    expect(datedMatrix(cols, { headers: false, labels: ['Date', 'RUT'], emptyMessage: 'none' })).toEqual([
      [45474, 2010.5],
      [45475, ''],
      [45476, 2050],
    ]);
  });

  it('adds a header row when asked', () => {
    const m = datedMatrix(cols, { headers: true, labels: ['Date', 'RUT'], emptyMessage: 'none' });
    expect(m[0]).toEqual(['Date', 'RUT']);
    expect(m).toHaveLength(4);
  });

  it('turns an empty result into #N/A material (an empty spill is not possible)', () => {
    const empty = () => datedMatrix({ dates: [], columns: [[]] }, { headers: true, labels: ['Date', 'RUT'], emptyMessage: 'RUT has no observations from 2030-01-01' });
    expect(empty).toThrowError(new TideError('notFound', 'RUT has no observations from 2030-01-01'));
    expect(() => tableMatrix([], { headers: false, labels: ['Id'], emptyMessage: 'No series matches "zzz"' })).toThrow('No series matches "zzz"');
  });

  it('rejects columns whose length does not match the dates', () => {
    expect(() => datedMatrix({ dates: ['2024-07-01'], columns: [[1, 2]] }, { headers: false, labels: ['Date', 'X'], emptyMessage: '' })).toThrow(
      'the server sent 1 dates but 2 values',
    );
  });

  it('finds the last non-missing value on or before a date', () => {
    expect(lastValue(cols.dates, cols.columns[0], '2024-07-02')).toEqual({ date: '2024-07-01', value: 2010.5 });
    expect(lastValue(cols.dates, cols.columns[0])).toEqual({ date: '2024-07-03', value: 2050 });
    expect(lastValue(cols.dates, cols.columns[0], '2024-06-30')).toBeUndefined();
  });
});

// Reference: test/addin/reference/rut_change_reference.py (pandas) over the real ^RUT closes.
describe('CHANGE between two dates', () => {
  it.each(reference.cases)('RUT from $start to $end matches pandas', ({ start, end, PCT, ABS, LOG }) => {
    expect(changeBetween('RUT', reference.dates, reference.closes, start, end, 'PCT')).toBeCloseTo(PCT, 12);
    expect(changeBetween('RUT', reference.dates, reference.closes, start, end, 'ABS')).toBeCloseTo(ABS, 9);
    expect(changeBetween('RUT', reference.dates, reference.closes, start, end, 'LOG')).toBeCloseTo(LOG, 12);
  });

  it('says why when there is no base or no later value', () => {
    expect(() => changeBetween('RUT', reference.dates, reference.closes, '2024-05-01', undefined, 'PCT')).toThrow(
      'RUT has no value on or before 2024-05-01',
    );
    expect(() => changeBetween('RUT', reference.dates, reference.closes, '2024-07-31', undefined, 'PCT')).toThrow(
      'RUT has no value after 2024-07-31',
    );
  });
});
