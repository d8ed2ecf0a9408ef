// Freeze turns the TIDE formulas of the selection or the sheet into the values they show, so the
// workbook opens with its numbers where the add-in is not installed. Each formula is kept, exactly
// as written, in a very hidden sheet (one JSON record per frozen formula) and a note on its cell
// says it was frozen, when, and as of which date. Unfreeze writes the formulas back.
import { cellName, joinAddress, parseRange, rangeFrom, splitAddress, type RangePosition } from '../shared/a1.js';
import type { CellScalar, ExcelApi, ExcelContext, ExcelRange } from '../shared/excel-api.js';

/** The very hidden sheet holding the frozen formulas; users never see it, files keep it. */
export const FROZEN_SHEET = 'TideFrozen';

export interface FrozenRecord {
  /** Sheet name and anchor cell (A1, no $), where the formula was. */
  sheet: string;
  cell: string;
  /** The formula exactly as Excel gave it. */
  formula: string;
  /** The cells its values were written to (the spill range, or the cell). */
  range: string;
  /** The date its values are as of: the cell's own asOf or the workbook's pin; null = latest values on frozenAt. */
  asOf: string | null;
  /** The workbook's pin when it was frozen. */
  pin: string | null;
  /** ISO timestamp. */
  frozenAt: string;
  /** A note the cell had before, put back on Unfreeze. */
  previousNote: string | null;
}

export type Scope = 'selection' | 'sheet' | 'workbook';

export interface FreezeContext {
  pin?: string;
  now?: Date;
  /** The asOf dates a cell's calls used, when the runtime knows (Explain's record). */
  asOfOf?(address: string): string | undefined;
  /** Cell notes need ExcelApi 1.18; without them the formulas are still kept and restored. */
  notes?: boolean;
  /**
   * The spill APIs need ExcelApi 1.12. Without them the cells an array covers are taken from the size
   * the function returned in this session (`extentOf`); a formula whose size is not known is left as
   * it is (`onSkipped`), since writing its first value alone would lose the rest of the array.
   */
  spills?: boolean;
  extentOf?(address: string): { rows: number; columns: number } | undefined;
  onSkipped?(address: string, reason: string): void;
}

/** Formulas that call a TIDE function anywhere. */
export const TIDE_FORMULA = /^=.*\bTIDE\.[A-Z]+\s*\(/is;

/** Text Excel would take for a number, date, boolean or formula gets an apostrophe so it stays text. */
export function asTyped(v: CellScalar): CellScalar {
  if (typeof v !== 'string') return v;
  return /^\s*[-+=@']|^\s*[\d.]|^(true|false)$/i.test(v) ? `'${v}` : v;
}

/** The note that says what happened to a cell. */
export function frozenNote(r: Pick<FrozenRecord, 'formula' | 'asOf' | 'pin' | 'frozenAt'>): string {
  const when = r.frozenAt.slice(0, 16).replace('T', ' ');
  const asOf = r.asOf ? `as of ${r.asOf}${r.pin === r.asOf ? ' (workbook pin)' : ''}` : `latest values on ${r.frozenAt.slice(0, 10)}`;
  return `Frozen by Tide on ${when} UTC: values of ${r.formula}, ${asOf}. Unfreeze in the Tide task pane restores the formula.`;
}

/** Excel's addresses here always name their sheet. */
function sheetAndCells(address: string): { sheet: string; cells: string } {
  const { sheet, cells } = splitAddress(address);
  return { sheet: sheet ?? '', cells };
}

/** Whether two ranges share a cell. */
function overlaps(a: RangePosition, b: RangePosition): boolean {
  return a.first.row <= b.last.row && a.last.row >= b.first.row && a.first.column <= b.last.column && a.last.column >= b.first.column;
}

const NOWHERE: RangePosition = { first: { row: -1, column: -1 }, last: { row: -1, column: -1 } };
const rangeAt = (cells: string): RangePosition => parseRange(cells) ?? NOWHERE;

async function scopeRange(context: ExcelContext, scope: Scope): Promise<ExcelRange[]> {
  if (scope === 'selection') return [context.workbook.getSelectedRange()];
  if (scope === 'sheet') {
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject();
    used.load('address');
    await context.sync();
    return used.isNullObject ? [] : [used];
  }
  throw new Error('freeze works on the selection or the sheet');
}

/** Freezes the TIDE formulas of the selection or the active sheet. Returns what was frozen. */
export async function freeze(excel: ExcelApi, scope: Exclude<Scope, 'workbook'>, opts: FreezeContext = {}): Promise<FrozenRecord[]> {
  const frozenAt = (opts.now ?? new Date()).toISOString();
  return excel.run(async (context) => {
    const ranges = await scopeRange(context, scope);
    for (const r of ranges) r.load(['address', 'formulas']);
    // A single selected cell inside a spilled array means its formula.
    const spills = opts.spills !== false;
    const parents = scope === 'selection' && spills ? ranges.map((r) => r.getCell(0, 0).getSpillParentOrNullObject().load(['address', 'formulas'])) : [];
    await context.sync();

    const found: { address: string; formula: string }[] = [];
    ranges.forEach((range, i) => {
      const { sheet, cells } = sheetAndCells(range.address);
      const { first } = rangeAt(cells);
      range.formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f === 'string' && TIDE_FORMULA.test(f)) found.push({ address: joinAddress(sheet, cellName({ row: first.row + r, column: first.column + c })), formula: f });
        }),
      );
      const parent = parents[i];
      if (found.length === 0 && parent && !parent.isNullObject && TIDE_FORMULA.test(String(parent.formulas[0][0]))) {
        found.push({ address: parent.address.replace(/\$/g, ''), formula: String(parent.formulas[0][0]) });
      }
    });
    if (found.length === 0) return [];

    const targets = found.flatMap(({ address, formula }) => {
      const { sheet, cells } = sheetAndCells(address);
      const cell = context.workbook.worksheets.getItem(sheet).getRange(cells);
      let spill: ExcelRange | undefined;
      if (spills) spill = cell.getSpillingToRangeOrNullObject().load(['address', 'values']);
      else {
        const extent = opts.extentOf?.(address);
        if (!extent) {
          opts.onSkipped?.(address, 'not calculated since the add-in started, so the size of its array is unknown here (this Excel has no spill ranges: ExcelApi 1.12)');
          return [];
        }
        if (extent.rows * extent.columns > 1) spill = context.workbook.worksheets.getItem(sheet).getRange(rangeFrom(cells, extent)).load(['address', 'values']);
      }
      cell.load(['values']);
      const note = opts.notes === false ? undefined : context.workbook.notes.getItemOrNullObject(address).load('content');
      return [{ address, formula, sheet, cells, cell, spill, note }];
    });
    if (targets.length === 0) return [];
    await context.sync();

    const records: FrozenRecord[] = targets.map((t) => {
      const asOf = opts.asOfOf?.(t.address) ?? opts.pin ?? null;
      return {
        sheet: t.sheet,
        cell: t.cells,
        formula: t.formula,
        range: !t.spill || t.spill.isNullObject ? t.cells : sheetAndCells(t.spill.address).cells,
        asOf,
        pin: opts.pin ?? null,
        frozenAt,
        previousNote: !t.note || t.note.isNullObject ? null : t.note.content,
      };
    });
    targets.forEach((t, i) => {
      const spilled = t.spill && !t.spill.isNullObject;
      const values = (spilled ? t.spill!.values : t.cell.values).map((row) => row.map(asTyped));
      // The anchor first: once it holds a value the spill is gone and its cells can be written.
      t.cell.values = [[values[0][0]]];
      if (spilled) context.workbook.worksheets.getItem(t.sheet).getRange(records[i].range).values = values;
      const text = frozenNote(records[i]);
      if (!t.note) return;
      if (t.note.isNullObject) context.workbook.notes.add(t.address, text);
      else t.note.content = text;
    });
    await appendRecords(context, records);
    await context.sync();
    return records;
  });
}

/** Restores the frozen formulas of the selection, the active sheet or the whole workbook, exactly as they were. */
export async function unfreeze(excel: ExcelApi, scope: Scope, opts: { notes?: boolean } = {}): Promise<FrozenRecord[]> {
  return excel.run(async (context) => {
    const all = await readRecords(context);
    if (all.length === 0) return [];
    let inScope: (r: FrozenRecord) => boolean = () => true;
    if (scope !== 'workbook') {
      const range = scope === 'selection' ? context.workbook.getSelectedRange() : context.workbook.worksheets.getActiveWorksheet().getRange('A1:XFD1048576');
      range.load('address');
      await context.sync();
      const { sheet, cells } = sheetAndCells(range.address);
      const scopeRange = rangeAt(cells);
      // A frozen array is in scope when any of its cells is.
      inScope = (r) => r.sheet === sheet && overlaps(rangeAt(r.range), scopeRange);
    }
    const restoring = all.filter(inScope);
    if (restoring.length === 0) return [];
    const notes = restoring.map((r) => (opts.notes === false ? undefined : context.workbook.notes.getItemOrNullObject(joinAddress(r.sheet, r.cell)).load('content')));
    await context.sync();
    restoring.forEach((r, i) => {
      const sheet = context.workbook.worksheets.getItem(r.sheet);
      sheet.getRange(r.range).clear('Contents');
      sheet.getRange(r.cell).formulas = [[r.formula]];
      const note = notes[i];
      if (!note) return;
      if (r.previousNote !== null) {
        if (note.isNullObject) context.workbook.notes.add(joinAddress(r.sheet, r.cell), r.previousNote);
        else note.content = r.previousNote;
      } else if (!note.isNullObject && note.content === frozenNote(r)) {
        note.delete(); // only our own note, untouched; a note the user wrote since stays
      }
    });
    await writeRecords(
      context,
      all.filter((r) => !restoring.includes(r)),
    );
    await context.sync();
    return restoring;
  });
}

/** The frozen formula whose values cover `address` (e.g. `'Run-up'!B15`), if any. */
export function frozenAt(records: readonly FrozenRecord[], address: string): FrozenRecord | undefined {
  const { sheet, cells } = sheetAndCells(address);
  const { first } = rangeAt(cells);
  const cell = { first, last: first };
  return records.find((r) => r.sheet === sheet && overlaps(rangeAt(r.range), cell));
}

/** Every frozen formula in the workbook, oldest first. */
export async function frozenRecords(excel: ExcelApi): Promise<FrozenRecord[]> {
  return excel.run((context) => readRecords(context));
}

async function readRecords(context: ExcelContext): Promise<FrozenRecord[]> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(FROZEN_SHEET);
  await context.sync();
  if (sheet.isNullObject) return [];
  const used = sheet.getUsedRangeOrNullObject(true).load(['values']);
  await context.sync();
  if (used.isNullObject) return [];
  return used.values.flatMap((row) => {
    try {
      return typeof row[0] === 'string' && row[0].startsWith('{') ? [JSON.parse(row[0]) as FrozenRecord] : [];
    } catch {
      return [];
    }
  });
}

async function appendRecords(context: ExcelContext, records: FrozenRecord[]): Promise<void> {
  const existing = await readRecords(context);
  // A formula frozen again replaces its older record.
  const replaced = new Set(records.map((r) => `${r.sheet}!${r.cell}`));
  await writeRecords(context, [...existing.filter((r) => !replaced.has(`${r.sheet}!${r.cell}`)), ...records]);
}

/** Rewrites the hidden sheet with `records`; deletes it when none are left. */
async function writeRecords(context: ExcelContext, records: FrozenRecord[]): Promise<void> {
  const old = context.workbook.worksheets.getItemOrNullObject(FROZEN_SHEET);
  await context.sync();
  if (!old.isNullObject) old.delete();
  if (records.length === 0) return;
  const sheet = context.workbook.worksheets.add(FROZEN_SHEET);
  sheet.visibility = 'VeryHidden';
  // JSON starts with "{": Excel keeps it as text, so formulas inside are never evaluated.
  sheet.getRange(`A1:A${records.length}`).values = records.map((r) => [JSON.stringify(r)]);
}
