// Freeze turns the TIDE formulas of the selection or the sheet into the values they show, so the
// workbook opens with its numbers where the add-in is not installed. Each formula is kept, exactly
// as written, in a very hidden sheet (one JSON record per frozen formula) and a note on its cell
// says it was frozen, when, and as of which date. Unfreeze writes the formulas back.
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

function splitAddress(address: string): { sheet: string; cells: string } {
  const bang = address.lastIndexOf('!');
  return { sheet: address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'"), cells: address.slice(bang + 1).replace(/\$/g, '') };
}

function quoted(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

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
    const parents = scope === 'selection' ? ranges.map((r) => r.getCell(0, 0).getSpillParentOrNullObject().load(['address', 'formulas'])) : [];
    await context.sync();

    const found: { address: string; formula: string }[] = [];
    ranges.forEach((range, i) => {
      const { sheet, cells } = splitAddress(range.address);
      const [first] = cells.split(':');
      const [col0, row0] = cellPosition(first);
      range.formulas.forEach((row, r) => row.forEach((f, c) => {
        if (typeof f === 'string' && TIDE_FORMULA.test(f)) found.push({ address: `${quoted(sheet)}!${cellName(row0 + r, col0 + c)}`, formula: f });
      }));
      const parent = parents[i];
      if (found.length === 0 && parent && !parent.isNullObject && TIDE_FORMULA.test(String(parent.formulas[0][0]))) {
        found.push({ address: parent.address.replace(/\$/g, ''), formula: String(parent.formulas[0][0]) });
      }
    });
    if (found.length === 0) return [];

    const targets = found.map(({ address, formula }) => {
      const { sheet, cells } = splitAddress(address);
      const cell = context.workbook.worksheets.getItem(sheet).getRange(cells);
      const spill = cell.getSpillingToRangeOrNullObject().load(['address', 'values']);
      cell.load(['values']);
      const note = opts.notes === false ? undefined : context.workbook.notes.getItemOrNullObject(address).load('content');
      return { address, formula, sheet, cells, cell, spill, note };
    });
    await context.sync();

    const records: FrozenRecord[] = targets.map((t) => {
      const asOf = opts.asOfOf?.(t.address) ?? opts.pin ?? null;
      return {
        sheet: t.sheet,
        cell: t.cells,
        formula: t.formula,
        range: t.spill.isNullObject ? t.cells : splitAddress(t.spill.address).cells,
        asOf,
        pin: opts.pin ?? null,
        frozenAt,
        previousNote: !t.note || t.note.isNullObject ? null : t.note.content,
      };
    });
    targets.forEach((t, i) => {
      const values = (t.spill.isNullObject ? t.cell.values : t.spill.values).map((row) => row.map(asTyped));
      // The anchor first: once it holds a value the spill is gone and its cells can be written.
      t.cell.values = [[values[0][0]]];
      if (!t.spill.isNullObject) context.workbook.worksheets.getItem(t.sheet).getRange(records[i].range).values = values;
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
      const { sheet, cells } = splitAddress(range.address);
      const [from, to = from] = cells.split(':');
      const [c0, r0] = cellPosition(from);
      const [c1, r1] = cellPosition(to);
      // A frozen array is in scope when any of its cells is.
      inScope = (r) => {
        const [first, last = first] = r.range.split(':');
        const [fc0, fr0] = cellPosition(first);
        const [fc1, fr1] = cellPosition(last);
        return r.sheet === sheet && fr0 <= r1 && fr1 >= r0 && fc0 <= c1 && fc1 >= c0;
      };
    }
    const restoring = all.filter(inScope);
    if (restoring.length === 0) return [];
    const notes = restoring.map((r) => (opts.notes === false ? undefined : context.workbook.notes.getItemOrNullObject(`${quoted(r.sheet)}!${r.cell}`).load('content')));
    await context.sync();
    restoring.forEach((r, i) => {
      const sheet = context.workbook.worksheets.getItem(r.sheet);
      sheet.getRange(r.range).clear('Contents');
      sheet.getRange(r.cell).formulas = [[r.formula]];
      const note = notes[i];
      if (!note) return;
      if (r.previousNote !== null) {
        if (note.isNullObject) context.workbook.notes.add(`${quoted(r.sheet)}!${r.cell}`, r.previousNote);
        else note.content = r.previousNote;
      } else if (!note.isNullObject && note.content === frozenNote(r)) {
        note.delete(); // only our own note, untouched; a note the user wrote since stays
      }
    });
    await writeRecords(context, all.filter((r) => !restoring.includes(r)));
    await context.sync();
    return restoring;
  });
}

/** The frozen formula whose values cover `address` (e.g. `'Run-up'!B15`), if any. */
export function frozenAt(records: readonly FrozenRecord[], address: string): FrozenRecord | undefined {
  const { sheet, cells } = splitAddress(address);
  const [col, row] = cellPosition(cells.split(':')[0]);
  return records.find((r) => {
    const [first, last = first] = r.range.split(':');
    const [c0, r0] = cellPosition(first);
    const [c1, r1] = cellPosition(last);
    return r.sheet === sheet && row >= r0 && row <= r1 && col >= c0 && col <= c1;
  });
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

function cellPosition(a1: string): [number, number] {
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1);
  if (!m) return [0, 0];
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [c - 1, Number(m[2]) - 1];
}

function cellName(row: number, col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${row + 1}`;
}
