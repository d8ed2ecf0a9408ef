import { describe, expect, it } from 'vitest';
import { datedMatrix, lastValue, tableMatrix } from '../../addin/src/functions/matrix.js';
import { changeFromMeta, type ChangeMeta } from '../../addin/src/functions/change.js';
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
    expect(() => datedMatrix({ dates: ['2024-07-01'], columns: [[1, 2]] }, { headers: false, labels: ['Date', 'X'], emptyMessage: '' })).toThrow('the server sent 1 dates but 2 values');
  });

  it('finds the last non-missing value on or before a date', () => {
    expect(lastValue(cols.dates, cols.columns[0], '2024-07-02')).toEqual({ date: '2024-07-01', value: 2010.5 });
    expect(lastValue(cols.dates, cols.columns[0])).toEqual({ date: '2024-07-03', value: 2050 });
    expect(lastValue(cols.dates, cols.columns[0], '2024-06-30')).toBeUndefined();
  });
});

// Reference: test/addin/reference/rut_change_reference.py (pandas) over the real ^RUT closes. The
// meta is shaped as the API's CHANGE indicator returns it; the end-to-end tests check the API itself.
describe("CHANGE from the API's CHANGE meta", () => {
  it.each(reference.cases)('RUT from $start to $end matches pandas in every mode', (c) => {
    const [[sd, sv], [ed, ev]] = [c.startClose, c.endClose] as [string, number][];
    const meta: ChangeMeta = { measure: 'RELATIVE', start: { date: sd, value: sv }, end: { date: ed, value: ev }, absolute: ev - sv, relative: ev / sv - 1, bp: null };
    expect(changeFromMeta('RUT', meta)).toBeCloseTo(c.PCT, 12);
    expect(changeFromMeta('RUT', meta, 'PCT')).toBeCloseTo(c.PCT, 12);
    expect(changeFromMeta('RUT', meta, 'ABS')).toBeCloseTo(c.ABS, 9);
    expect(changeFromMeta('RUT', meta, 'LOG')).toBeCloseTo(c.LOG, 12);
  });

  it("shows a rate-like series' change in basis points by default (as the API does) and says why a ratio is undefined", () => {
    const dgs2: ChangeMeta = { measure: 'BP', start: { date: '2024-07-09', value: 4.62 }, end: { date: '2024-07-16', value: 4.43 }, absolute: -0.19, relative: -0.0411, bp: -19 };
    expect(changeFromMeta('DGS2', dgs2)).toBe(-19);
    expect(changeFromMeta('DGS2', dgs2, 'ABS')).toBe(-0.19);
    expect(changeFromMeta('DGS2', dgs2, 'PCT')).toBe(-0.0411);
    const zero: ChangeMeta = { ...dgs2, start: { date: '2024-07-09', value: 0 }, relative: null };
    expect(() => changeFromMeta('X', zero, 'PCT')).toThrow('X is 0 on 2024-07-09; a relative change is undefined');
    expect(() => changeFromMeta('X', zero, 'LOG')).toThrow('X is not positive on 2024-07-09; a log change is undefined');
  });
});
