// npm run addin:workbook: writes addin/samples/small-caps-vs-rate-cuts.xlsx from workbook-spec.ts.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { finishPackage } from './workbook-package.js';
import { SHEETS, storedFormula, type SheetSpec } from './workbook-spec.js';

export const SAMPLE = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'samples', 'small-caps-vs-rate-cuts.xlsx');
/** Fixed so regenerating an unchanged spec gives the same workbook. */
const STAMP = new Date(Date.UTC(2024, 11, 31));

function isoDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function addSheet(book: ExcelJS.Workbook, spec: SheetSpec): void {
  const ws = book.addWorksheet(spec.name);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 14;
  spec.lines.forEach((text, i) => {
    ws.getCell(i + 1, 1).value = text;
    if (i === 0) ws.getCell(1, 1).font = { bold: true, size: 13 };
  });
  let row = spec.lines.length + 2;
  for (const [label, value, kind] of spec.inputs ?? []) {
    ws.getCell(row, 1).value = label;
    const cell = ws.getCell(row, 2);
    cell.value = kind === 'date' ? isoDate(String(value)) : value;
    if (kind === 'date') cell.numFmt = 'yyyy-mm-dd';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
    row++;
  }
  if (spec.scalars?.length) row++;
  for (const s of spec.scalars ?? []) {
    ws.getCell(row, 1).value = s.label;
    const cell = ws.getCell(row, 2);
    cell.value = { formula: storedFormula(s.formula) };
    if (s.format) cell.numFmt = s.format;
    row++;
  }
  for (const spill of spec.spills) {
    const anchor = ws.getCell(spill.cell);
    anchor.value = { formula: storedFormula(spill.formula) };
    if (spill.dateColumn) ws.getColumn(anchor.col).numFmt = 'yyyy-mm-dd';
    // Tide returns fractions (0.85 = 85 %); the sheet shows them as percent.
    for (const [column, format] of Object.entries(spill.formats ?? {})) ws.getColumn(column).numFmt = format;
    ws.getColumn(anchor.col).width = Math.max(ws.getColumn(anchor.col).width ?? 0, 12);
  }
}

export async function buildWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Tide';
  book.created = STAMP;
  book.modified = STAMP;
  book.calcProperties.fullCalcOnLoad = true; // the TIDE formulas compute when the workbook opens
  for (const spec of SHEETS) addSheet(book, spec);
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  return finishPackage(xlsx, SHEETS);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bytes = await buildWorkbook();
  await mkdir(dirname(SAMPLE), { recursive: true });
  await writeFile(SAMPLE, bytes);
  console.log(`sample workbook written to ${SAMPLE}`);
}
