// The pure parts of the pane's "changed since" check: reading TIDE calls out of formulas, comparing
// two outcomes of a cell, and deciding each cell's status.
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../../addin/src/taskpane/cell-diff.js';
import { asOfPositions, checkCells, referencedCells } from '../../addin/src/taskpane/changed-cells.js';
import { offsetCell } from '../../addin/src/shared/a1.js';
import { tideCalls } from '../../addin/src/taskpane/formula-calls.js';

describe('tideCalls', () => {
  it('reads literals, empty arguments and references, including quoted sheet names', () => {
    const [call] = tideCalls(`=TIDE.SERIES("RUT",,B$2,'My ''Q'' sheet'!$C$3,Data!D4,TRUE,-1.5e2)`);
    expect(call.name).toBe('SERIES');
    expect(call.args).toEqual([
      { kind: 'literal', value: 'RUT' },
      { kind: 'empty' },
      { kind: 'ref', cell: 'B2' },
      { kind: 'ref', sheet: "My 'Q' sheet", cell: 'C3' },
      { kind: 'ref', sheet: 'Data', cell: 'D4' },
      { kind: 'literal', value: true },
      { kind: 'literal', value: -150 },
    ]);
  });

  it('keeps commas and parentheses inside text and nested calls, and finds every TIDE call', () => {
    const calls = tideCalls('=IFERROR(TIDE.VALUE("A,(B", DATE(2024,6,1)), tide.value("X"))*2');
    expect(calls.map((c) => c.name)).toEqual(['VALUE', 'VALUE']);
    expect(calls[0].args).toEqual([
      { kind: 'literal', value: 'A,(B' },
      { kind: 'expression', text: 'DATE(2024,6,1)' },
    ]);
    expect(calls[1].text).toBe('tide.value("X")');
    expect(tideCalls('=MYTIDE.VALUE(1)')).toEqual([]);
    expect(tideCalls('=SUM(A1:A3)')).toEqual([]);
  });

  it('a range or a name is an expression, not a cell', () => {
    expect(tideCalls('=TIDE.VALUE(A1:A3, Start)')[0].args).toEqual([
      { kind: 'expression', text: 'A1:A3' },
      { kind: 'expression', text: 'Start' },
    ]);
  });

  it('offsets addresses across column letters', () => {
    expect(offsetCell('B2', 1, 2)).toBe('D3');
    expect(offsetCell('Z1', 0, 1)).toBe('AA1');
    expect(offsetCell('A1', 0, 702)).toBe('AAA1');
  });
});

describe('compareOutcomes', () => {
  it('numbers, dated spills, tables and errors', () => {
    expect(compareOutcomes({ value: 1.4 }, { value: 0.8 })).toEqual({ changed: true, summary: '1.4 → 0.8' });
    expect(compareOutcomes({ value: 2 }, { value: 2 })).toEqual({ changed: false, summary: '' });
    const june = 45444; // 2024-06-01
    expect(
      compareOutcomes(
        { value: [[june, 313.049]] },
        {
          value: [
            [june, 313.044],
            [june + 30, 313.569],
          ],
        },
      ),
    ).toEqual({
      changed: true,
      summary: '1 value revised (first 2024-06-01: 313.049 → 313.044); 1 row added',
    });
    expect(
      compareOutcomes(
        {
          value: [
            ['Id', 'Name'],
            ['RUT', 'x'],
          ],
        },
        {
          value: [
            ['Id', 'Name'],
            ['RUT', 'y'],
          ],
        },
      ).summary,
    ).toBe('1 cell differs');
    expect(compareOutcomes({ error: '#VALUE! asOf: too early' }, { value: [[june, 1]] })).toEqual({ changed: true, summary: 'then #VALUE! asOf: too early; now a result' });
    expect(compareOutcomes({ error: '#N/A x' }, { error: '#N/A x' }).changed).toBe(false);
  });
});

describe('checkCells', () => {
  const positions = asOfPositions({
    functions: [
      { id: 'VALUE', parameters: [{ name: 'id' }, { name: 'date' }, { name: 'asOf' }] },
      { id: 'INFO', parameters: [{ name: 'id' }, { name: 'field' }] },
    ],
  });

  it('evaluates each call with asOf set to each date, looks up referenced cells, and ranks the statuses', async () => {
    const calls: unknown[][] = [];
    const evaluate = async (name: string, args: unknown[]) => {
      calls.push([name, ...args]);
      return { value: args[2] === '2024-08-15' ? 1 : args[0] === 'FIXED' ? 1 : 2 };
    };
    const cells = [
      { sheet: 'S', address: 'A1', formula: '=TIDE.VALUE(B1)' },
      { sheet: 'S', address: 'A2', formula: '=TIDE.VALUE("FIXED")' },
      { sheet: 'S', address: 'A3', formula: '=TIDE.VALUE("X",,"2024-01-01")' },
      { sheet: 'S', address: 'A4', formula: '=TIDE.INFO("X","name")' },
      { sheet: 'S', address: 'A5', formula: '=TIDE.NOPE("X")' },
      { sheet: 'S', address: 'A6', formula: '=B1+1' },
    ];
    expect(referencedCells(cells)).toEqual([{ sheet: 'S', cell: 'B1' }]);
    const reports = await checkCells(cells, positions, (sheet, cell) => (sheet === 'S' && cell === 'B1' ? 'RUT' : undefined), evaluate, '2024-08-15', '2026-01-01');
    expect(reports.map((r) => [r.address, r.status, r.summary])).toEqual([
      ['A1', 'changed', '1 → 2'],
      ['A2', 'same', ''],
      ['A3', 'pinned', 'has its own asOf'],
      ['A4', 'timeless', ''],
      ['A5', 'unchecked', 'TIDE.NOPE is not a function of this add-in'],
    ]);
    expect(calls).toContainEqual(['VALUE', 'RUT', null, '2024-08-15']);

    // With the arguments Excel last passed, a formula argument is no obstacle, and a given asOf pins.
    const recorded = (sheet: string, address: string) => ({ A7: { fn: 'VALUE', args: ['RUT', 45444] }, A8: { fn: 'VALUE', args: ['RUT', 45444, 45500] } })[address as 'A7' | 'A8'];
    const more = [
      { sheet: 'S', address: 'A7', formula: '=TIDE.VALUE("RUT",DATE(2024,6,1))' },
      { sheet: 'S', address: 'A8', formula: '=TIDE.VALUE("RUT",DATE(2024,6,1),C1)' },
      { sheet: 'S', address: 'A9', formula: '=TIDE.VALUE("RUT",DATE(2024,6,1))' },
    ];
    const withRecords = await checkCells(more, positions, () => undefined, evaluate, '2024-08-15', '2026-01-01', recorded);
    expect(withRecords.map((r) => [r.address, r.status])).toEqual([
      ['A7', 'changed'],
      ['A8', 'pinned'],
      ['A9', 'unchecked'],
    ]);
    expect(calls).toContainEqual(['VALUE', 'RUT', 45444, '2024-08-15']);
    expect(calls).toContainEqual(['VALUE', 'RUT', null, '2026-01-01']);
  });
});
