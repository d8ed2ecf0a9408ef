// The sample workbook's cells as Excel lays them out (the same rows addin/scripts/workbook.ts
// writes), for the Excel stand-in and the browser tests.
import { SHEETS } from '../../addin/scripts/workbook-spec.js';
import { isoToSerial } from '../../addin/src/shared/dates.js';
import { evaluateCall } from './formula-args.js';
import { quoteSheet } from '../../addin/src/shared/a1.js';
import { WorkbookStandIn, type Evaluate } from './excel-stand-in.js';
import type { HostProfile } from './host-profiles.js';

export interface SampleCell {
  sheet: string;
  /** A1 address on its sheet. */
  cell: string;
  /** A formula as Excel shows it (=TIDE.SERIES(...)), or a value. */
  content: string | number;
}

export function sampleCells(): SampleCell[] {
  const out: SampleCell[] = [];
  for (const spec of SHEETS) {
    spec.lines.forEach((text, i) => out.push({ sheet: spec.name, cell: `A${i + 1}`, content: text }));
    let row = spec.lines.length + 2;
    for (const [label, value, kind] of spec.inputs ?? []) {
      out.push({ sheet: spec.name, cell: `A${row}`, content: label });
      out.push({ sheet: spec.name, cell: `B${row}`, content: kind === 'date' ? isoToSerial(String(value)) : value });
      row++;
    }
    if (spec.scalars?.length) row++;
    for (const s of spec.scalars ?? []) {
      out.push({ sheet: spec.name, cell: `A${row}`, content: s.label });
      out.push({ sheet: spec.name, cell: `B${row}`, content: `=${s.formula}` });
      row++;
    }
    for (const spill of spec.spills) out.push({ sheet: spec.name, cell: spill.cell, content: `=${spill.formula}` });
  }
  return out;
}

/** Every TIDE formula of the sample: where it is, and the function id and arguments Excel passes. */
export function sampleCalls(): { sheet: string; cell: string; formula: string; id: string; args: unknown[] }[] {
  const cells = sampleCells();
  return cells
    .filter((c) => typeof c.content === 'string' && c.content.startsWith('=TIDE.'))
    .map((c) => {
      const inputs = Object.fromEntries(cells.filter((x) => x.sheet === c.sheet && typeof x.content === 'number').map((x) => [x.cell, x.content]));
      const { id, args } = evaluateCall(String(c.content), inputs);
      return { sheet: c.sheet, cell: c.cell, formula: String(c.content), id, args };
    });
}

/** The sample workbook opened in the Excel stand-in: cells written, then one full calculation (fullCalcOnLoad). */
export async function openSample(evaluate: Evaluate, settings: Record<string, unknown> = {}, host?: HostProfile): Promise<WorkbookStandIn> {
  const book = new WorkbookStandIn({ sheets: SHEETS.map((s) => s.name), evaluate, settings, host });
  for (const c of sampleCells()) await book.setCells(`${quoteSheet(c.sheet)}!${c.cell}`, [[c.content]], false);
  await book.calculate();
  return book;
}
