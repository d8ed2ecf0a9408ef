// The one A1 module (addin/src/shared/a1.ts) that the task pane, the call log and the Excel
// stand-in read and write addresses with. Expected values are Excel's own: XFD is its last column
// (16384 = 3 letters), 1048576 its last row, and Excel quotes a sheet name in a reference unless it
// is letters, digits, _ and . not starting with a digit and not readable as a cell (A1, R1C1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellName, columnIndex, columnLetters, joinAddress, offsetCell, parseCell, parseRange, quoteSheet, rangeFrom, rangeName, splitAddress, unquoteSheet } from '../../addin/src/shared/a1.js';

describe('A1 addresses', () => {
  it("columns: A is 0, Z 25, AA 26, XFD (Excel's last) 16383", () => {
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD'].map(columnIndex)).toEqual([0, 25, 26, 51, 52, 701, 702, 16383]);
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
  });

  it('cells with or without $, in any case; not a cell: undefined', () => {
    expect(parseCell('B7')).toEqual({ row: 6, column: 1 });
    expect(parseCell('$b$7')).toEqual({ row: 6, column: 1 });
    expect(parseCell('XFD1048576')).toEqual({ row: 1048575, column: 16383 });
    for (const bad of ['', 'B', '7', 'B7:C8', 'ABCD1', 'Sheet1!A1', 'R1C1']) expect(parseCell(bad), bad).toBeUndefined();
    expect(cellName({ row: 6, column: 1 })).toBe('B7');
    expect(offsetCell('B2', 1, 2)).toBe('D3');
    expect(offsetCell('Z1', 0, 1)).toBe('AA1');
    expect(() => offsetCell('nope', 0, 0)).toThrow(/not a cell address/);
  });

  it('ranges: corners in any order come back top-left to bottom-right; one cell is written as one', () => {
    expect(parseRange('C3:A1')).toEqual({ first: { row: 0, column: 0 }, last: { row: 2, column: 2 } });
    expect(rangeName(parseRange('$A$11:$B$13')!)).toBe('A11:B13');
    expect(rangeName(parseRange('B6')!)).toBe('B6');
    expect(parseRange('A1:B2:C3')).toBeUndefined();
    expect(rangeFrom('A11', { rows: 3, columns: 2 })).toBe('A11:B13');
    expect(rangeFrom('B6', { rows: 1, columns: 1 })).toBe('B6');
  });

  it('one quoting rule for sheet names, and reading it back gives the name', () => {
    const cases: [string, string][] = [
      ['About', 'About'],
      ['CFTC', 'CFTC'],
      ['Sheet_1.x', 'Sheet_1.x'],
      ['Run-up', "'Run-up'"],
      ['My sheet', "'My sheet'"],
      ["O'Brien", "'O''Brien'"],
      ['2024', "'2024'"],
      ['A1', "'A1'"],
      ['xfd9', "'xfd9'"],
      ['R1C1', "'R1C1'"],
      ['RC', "'RC'"],
    ];
    for (const [name, written] of cases) {
      expect(quoteSheet(name), name).toBe(written);
      expect(unquoteSheet(written), written).toBe(name);
    }
    expect(unquoteSheet('Run-up')).toBeUndefined(); // Excel would have quoted it
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 31 }), (name) => splitAddress(joinAddress(name, 'A1')).sheet === name));
  });

  it('addresses as Excel gives them: sheet unquoted, cells without $', () => {
    expect(splitAddress("'Run-up'!$B$6:$C$9")).toEqual({ sheet: 'Run-up', cells: 'B6:C9' });
    expect(splitAddress("'it''s'!A1")).toEqual({ sheet: "it's", cells: 'A1' });
    expect(splitAddress('CFTC!A3')).toEqual({ sheet: 'CFTC', cells: 'A3' });
    expect(splitAddress('$A$1')).toEqual({ sheet: undefined, cells: 'A1' });
    expect(joinAddress('Run-up', 'B6')).toBe("'Run-up'!B6");
  });
});
