// Which results carry a percent or bp number format into the cell, and that a host without data
// types gets the plain number (the value formulas compute with is the same either way).
import { afterEach, describe, expect, it } from 'vitest';
import { basicValue, formattedNumberType } from '../../addin/src/shared/cell-values.js';
import { displayForMeasure, displayForTransform, displayForUnit, NUMBER_FORMATS, shown } from '../../addin/src/functions/number-formats.js';
import { datedMatrix, tableMatrix } from '../../addin/src/functions/matrix.js';

import { HOST_PROFILES, type HostProfile } from '../../support/addin/host-profiles.js';
import { installOffice } from '../../support/addin/office-globals.js';

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

/** Office's globals as this host (support/addin/host-profiles.ts) has them. */
function host(profile: HostProfile): void {
  uninstall?.();
  uninstall = installOffice(profile);
}

describe('number formats of TIDE results', () => {
  it('fractions are percent, bp are bp; other units are plain', () => {
    expect(displayForUnit('fraction')).toBe('percent');
    expect(displayForUnit('bp')).toBe('bp');
    for (const u of ['ratio', 'correlation', 'std', 'fraction per bp', 'Index', null, undefined]) expect(displayForUnit(u)).toBeUndefined();
    expect(['PCT_CHANGE', 'LOG_RETURN', 'YOY', 'ANNUALIZED'].map(displayForTransform)).toEqual(['percent', 'percent', 'percent', 'percent']);
    expect(['LEVEL', 'CHANGE', 'REBASE_100', undefined].map(displayForTransform)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['longShare', 'pctOfOpenInterest', 'netPctOfOpenInterest'].map(displayForMeasure)).toEqual(['percent', 'percent', 'percent']);
    expect(['net', 'long', 'short', 'spread', 'openInterest'].map(displayForMeasure)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('ExcelApi 1.19 with data types from functions: a DoubleCellValue with the format; 1.16: a FormattedNumber; without CustomFunctionsRuntime 1.4 or outside Office: the number', () => {
    expect(formattedNumberType()).toBeUndefined();
    expect(shown(0.1154, 'percent')).toBe(0.1154);
    host(HOST_PROFILES.microsoft365);
    expect(shown(0.1154, 'percent')).toEqual({ type: 'Double', basicType: 'Double', basicValue: 0.1154, numberFormat: '0.00%' });
    host(HOST_PROFILES.microsoft365_2208);
    expect(shown(97.88, 'bp')).toEqual({ type: 'FormattedNumber', basicType: 'Double', basicValue: 97.88, numberFormat: NUMBER_FORMATS.bp });
    // ExcelApi 1.16 and 1.17, but no data types from custom functions: a data type would fail the cell.
    host(HOST_PROFILES.office2024);
    expect(shown(0.1154, 'percent')).toBe(0.1154);
    host(HOST_PROFILES.office2021);
    expect(shown(0.1154, 'percent')).toBe(0.1154);
    host(HOST_PROFILES.microsoft365);
    (globalThis as unknown as { Office: { context: { requirements: unknown } } }).Office.context.requirements = {
      isSetSupported: () => {
        throw new Error('not ready');
      },
    };
    expect(shown(0.1154, 'percent')).toBe(0.1154);
  });

  it('a value with no display, or not finite, stays a number', () => {
    host(HOST_PROFILES.microsoft365);
    expect(shown(1.37, undefined)).toBe(1.37);
    expect(shown(Number.NaN, 'percent')).toBeNaN();
  });

  it('basicValue unwraps formatted values, in ranges too', () => {
    const f = { type: 'Double', basicType: 'Double', basicValue: 0.5, numberFormat: '0.00%' };
    expect(basicValue(f)).toBe(0.5);
    expect(
      basicValue([
        [45488, f],
        [45489, ''],
      ]),
    ).toEqual([
      [45488, 0.5],
      [45489, ''],
    ]);
    expect(basicValue('RUT')).toBe('RUT');
    expect(basicValue(null)).toBeNull();
  });
});

describe('spilled results carry the display of their column', () => {
  const pct = (v: number) => ({ type: 'Double', basicType: 'Double', basicValue: v, numberFormat: '0.00%' });
  const opts = { headers: true, labels: ['Date', 'VOL'], emptyMessage: 'none' };

  it('a dated spill: dates stay serials, missing values stay empty, headers stay text', () => {
    host(HOST_PROFILES.microsoft365);
    const m = datedMatrix({ dates: ['2024-07-01', '2024-07-02'], columns: [[0.2, null]] }, { ...opts, displays: ['percent'] });
    expect(m).toEqual([
      ['Date', 'VOL'],
      [45474, pct(0.2)],
      [45475, ''],
    ]);
    expect(datedMatrix({ dates: ['2024-07-01'], columns: [[0.2]] }, opts)).toEqual([
      ['Date', 'VOL'],
      [45474, 0.2],
    ]);
  });

  it('a table: each column its own display; without data types, the same numbers', () => {
    const rows = [
      [5, 5.25, -25, 0.85],
      [5.25, 5.5, 0, 0.15],
    ];
    const t = { headers: false, labels: ['Lower', 'Upper', 'Change', 'P'], emptyMessage: 'none', displays: [undefined, undefined, 'bp', 'percent'] as const };
    expect(tableMatrix(rows, t)).toEqual(rows);
    host(HOST_PROFILES.microsoft365);
    expect(tableMatrix(rows, t)).toEqual([
      [5, 5.25, { type: 'Double', basicType: 'Double', basicValue: -25, numberFormat: NUMBER_FORMATS.bp }, pct(0.85)],
      [5.25, 5.5, { type: 'Double', basicType: 'Double', basicValue: 0, numberFormat: NUMBER_FORMATS.bp }, pct(0.15)],
    ]);
  });
});
