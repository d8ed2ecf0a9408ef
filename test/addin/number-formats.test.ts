// Which results carry a percent or bp number format into the cell, and that a host without data
// types gets the plain number (the value formulas compute with is the same either way).
import { afterEach, describe, expect, it } from 'vitest';
import { basicValue, formattedNumberType } from '../../addin/src/shared/cell-values.js';
import { displayForMeasure, displayForTransform, displayForUnit, NUMBER_FORMATS, shown } from '../../addin/src/functions/number-formats.js';

const g = globalThis as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

/** An Office host declaring these ExcelApi versions. */
function host(versions: string[]): void {
  g.Office = { context: { requirements: { isSetSupported: (name: string, v: string) => name === 'ExcelApi' && versions.includes(v) } } };
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

  it('ExcelApi 1.19: a DoubleCellValue with the format; 1.16: a FormattedNumber; older or outside Office: the number', () => {
    expect(formattedNumberType()).toBeUndefined();
    expect(shown(0.1154, 'percent')).toBe(0.1154);
    host(['1.16', '1.19']);
    expect(shown(0.1154, 'percent')).toEqual({ type: 'Double', basicType: 'Double', basicValue: 0.1154, numberFormat: '0.00%' });
    host(['1.16']);
    expect(shown(97.88, 'bp')).toEqual({ type: 'FormattedNumber', basicType: 'Double', basicValue: 97.88, numberFormat: NUMBER_FORMATS.bp });
    host(['1.15']);
    expect(shown(0.1154, 'percent')).toBe(0.1154);
    g.Office = { context: { requirements: { isSetSupported: () => { throw new Error('not ready'); } } } };
    expect(shown(0.1154, 'percent')).toBe(0.1154);
  });

  it('a value with no display, or not finite, stays a number', () => {
    host(['1.16', '1.19']);
    expect(shown(1.37, undefined)).toBe(1.37);
    expect(shown(Number.NaN, 'percent')).toBeNaN();
  });

  it('basicValue unwraps formatted values, in ranges too', () => {
    const f = { type: 'Double', basicType: 'Double', basicValue: 0.5, numberFormat: '0.00%' };
    expect(basicValue(f)).toBe(0.5);
    expect(basicValue([[45488, f], [45489, '']])).toEqual([[45488, 0.5], [45489, '']]);
    expect(basicValue('RUT')).toBe('RUT');
    expect(basicValue(null)).toBeNull();
  });
});
