// A stand-in for Excel.run and the document settings, faithful to what the add-in relies on:
// - reads are queued by load() and filled by context.sync(); reading a property that was not
//   loaded and synced throws PropertyNotLoaded, as Office does;
// - writes and method calls are queued and applied in order at sync(); a failing one (an unknown
//   sheet, a note on a cell that has one) rejects the sync;
// - *OrNullObject methods give objects whose isNullObject is known only after sync();
// - formulas are calculated by a function the test supplies (possibly async, as custom functions
//   are); arrays spill right and down, or show #SPILL! when blocked;
// - text written to a cell is taken as a number or formula when it looks like one, unless it
//   starts with an apostrophe (the apostrophe is not kept), as when typed;
// - document settings are kept in memory until saveAsync, and only saved ones reach the file;
// - it is one host (a profile of support/addin/host-profiles.ts, Microsoft 365 unless told): an API of a
//   requirement set the host lacks (the spill ranges of ExcelApi 1.12, the notes of 1.18) fails the sync
//   with ApiNotFound, and a data type returned by a custom function on a host without
//   CustomFunctionsRuntime 1.4 shows #VALUE!; where the host takes one, cells show its basic value.
// No Node APIs: the same module runs in the browser for the task pane's screenshots.
// Each object implements the add-in's cut of Excel's types (addin/src/shared/excel-api.ts, derived
// from @types/office-js), so the compiler holds the stand-in to what Excel declares.
import type { DocumentSettings } from '../../addin/src/client/pin.js';
import { joinAddress, parseRange, rangeName, splitAddress } from '../../addin/src/shared/a1.js';
import { HOST_PROFILES, isSetSupportedOn, type HostProfile } from './host-profiles.js';
import type { ExcelApi, ExcelContext, ExcelNote, ExcelNotes, ExcelRange, ExcelWorkbook, ExcelWorksheet, ExcelWorksheets } from '../../addin/src/shared/excel-api.js';

export type Scalar = string | number | boolean;
export type Evaluate = (formula: string, at: { sheet: string; address: string }, book: WorkbookStandIn) => Scalar | Scalar[][] | Promise<Scalar | Scalar[][]>;

interface CellModel {
  formula?: string;
  value?: Scalar;
  numberFormat?: string;
  /** The calculated result of the formula. */
  result?: Scalar[][];
}

interface SheetModel {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, CellModel>;
}

interface RangeRef {
  sheet: SheetModel;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Office.AsyncResultStatus.Succeeded as office.js defines it (the enum is office.js's, absent here). */
const SUCCEEDED = 'succeeded' as unknown as Office.AsyncResultStatus;

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

const key = (r: number, c: number) => `${r},${c}`;

/** A1 text of a range by zero-based corners, through the add-in's one A1 module. */
function a1(r0: number, c0: number, r1: number, c1: number): string {
  return rangeName({ first: { row: r0, column: c0 }, last: { row: r1, column: c1 } });
}

/** Text typed into a cell: a number, a formula, or text (a leading apostrophe forces text). */
function typed(v: unknown): Pick<CellModel, 'formula' | 'value'> {
  if (typeof v === 'string') {
    if (v.startsWith("'")) return { value: v.slice(1) };
    if (v.startsWith('=')) return { formula: v };
    if (v.trim() !== '' && Number.isFinite(Number(v))) return { value: Number(v) };
    if (/^(true|false)$/i.test(v)) return { value: v.toUpperCase() === 'TRUE' };
    return v === '' ? {} : { value: v };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v };
  if (v === null || v === undefined) return {};
  throw new OfficeError('InvalidArgument', `cannot write ${typeof v} to a cell`);
}

export interface StandInOptions {
  evaluate?: Evaluate;
  sheets?: string[];
  /** Settings already saved in the file (as when opening a workbook). */
  settings?: Record<string, unknown>;
  selection?: string;
  /** The Excel it is (default: Microsoft 365, every set). */
  host?: HostProfile;
}

export class WorkbookStandIn {
  readonly sheets: SheetModel[] = [];
  readonly notes = new Map<string, string>();
  /** What saveAsync wrote into the file. */
  savedSettings: Record<string, unknown>;
  private liveSettings: Record<string, unknown>;
  selection: { sheet: string; address: string };
  activeSheet: string;
  evaluate: Evaluate;
  readonly host: HostProfile;
  readonly log = { syncs: 0, calculations: [] as string[], settingsSaves: 0 };

  constructor(options: StandInOptions = {}) {
    for (const name of options.sheets ?? ['Sheet1']) this.addSheet(name);
    this.savedSettings = { ...(options.settings ?? {}) };
    this.liveSettings = { ...this.savedSettings };
    this.activeSheet = this.sheets[0].name;
    this.selection = { sheet: this.activeSheet, address: options.selection ?? 'A1' };
    this.evaluate = options.evaluate ?? ((f) => `#NAME?: ${f}`);
    this.host = options.host ?? HOST_PROFILES.microsoft365;
  }

  /** Fails as Excel does when `api` belongs to a requirement set this host lacks. */
  requires(set: string, version: string, api: string): void {
    if (!isSetSupportedOn(this.host, set, version)) throw new OfficeError('ApiNotFound', `${api} needs ${set} ${version}, which ${this.host.name} does not support`);
  }

  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `A sheet named ${name} exists`);
    const sheet: SheetModel = { name, visibility: 'Visible', cells: new Map() };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  select(sheet: string, address: string): void {
    this.activeSheet = sheet;
    this.selection = { sheet, address };
  }

  /** A range reference from `Sheet!A1:B2` or an address on `sheet`. */
  ref(address: string, sheet?: SheetModel): RangeRef {
    const { sheet: name, cells } = splitAddress(address);
    let target = sheet;
    if (name !== undefined) {
      target = this.sheet(name);
      if (!target) throw new OfficeError('ItemNotFound', `no sheet ${name}`);
    }
    if (!target) throw new OfficeError('InvalidArgument', `"${address}" names no sheet`);
    const range = parseRange(cells);
    if (!range) throw new OfficeError('InvalidArgument', `"${address}" is not a cell or range address`);
    return { sheet: target, r0: range.first.row, c0: range.first.column, r1: range.last.row, c1: range.last.column };
  }

  addressOf(ref: RangeRef): string {
    return joinAddress(ref.sheet.name, a1(ref.r0, ref.c0, ref.r1, ref.c1));
  }

  // --- the grid as Excel shows it ---------------------------------------------------------

  /** Every cell's shown value, with spills laid out, and which anchor spills where. */
  layout(sheet: SheetModel): { shown: Map<string, Scalar>; spillOf: Map<string, string>; spills: Map<string, [number, number, number, number]> } {
    const shown = new Map<string, Scalar>();
    const spillOf = new Map<string, string>();
    const spills = new Map<string, [number, number, number, number]>();
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined && cell.value !== undefined) shown.set(k, cell.value);
    }
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const result = cell.result ?? [['#BUSY!']];
      const [r, c] = k.split(',').map(Number);
      const rows = result.length;
      const cols = Math.max(...result.map((row) => row.length));
      const blocked = rows * cols > 1 && result.some((row, i) => row.some((_, j) => (i || j) && sheet.cells.has(key(r + i, c + j))));
      if (blocked) {
        shown.set(k, '#SPILL!');
        continue;
      }
      result.forEach((row, i) =>
        row.forEach((v, j) => {
          shown.set(key(r + i, c + j), v);
          spillOf.set(key(r + i, c + j), k);
        }),
      );
      if (rows * cols > 1) spills.set(k, [r, c, r + rows - 1, c + cols - 1]);
    }
    return { shown, spillOf, spills };
  }

  /** Calculates formula cells: all of them (a full calculation) or those given. */
  async calculate(only?: { sheet: SheetModel; key: string }[]): Promise<void> {
    const targets = only ?? this.sheets.flatMap((sheet) => [...sheet.cells].filter(([, c]) => c.formula !== undefined).map(([k]) => ({ sheet, key: k })));
    await Promise.all(
      targets.map(async ({ sheet, key: k }) => {
        const cell = sheet.cells.get(k);
        if (!cell?.formula) return;
        const [r, c] = k.split(',').map(Number);
        const formula = cell.formula;
        let result: Scalar | Scalar[][];
        try {
          result = await this.evaluate(formula, { sheet: sheet.name, address: joinAddress(sheet.name, a1(r, c, r, c)) }, this);
        } catch (e) {
          result = `#VALUE!: ${(e as Error).message}`;
        }
        if (sheet.cells.get(k)?.formula === formula) cell.result = this.asShown(Array.isArray(result) ? result : [[result]]);
      }),
    );
  }

  /** What a function's result shows: a data type as its basic value, or #VALUE! where the host cannot take one. */
  private asShown(rows: unknown[][]): Scalar[][] {
    const isDataType = (v: unknown): v is { basicValue: Scalar } => typeof v === 'object' && v !== null;
    if (!rows.some((row) => row.some(isDataType))) return rows as Scalar[][];
    if (!isSetSupportedOn(this.host, 'CustomFunctionsRuntime', '1.4')) return [['#VALUE!']];
    return rows.map((row) => row.map((v) => (isDataType(v) ? v.basicValue : (v as Scalar))));
  }

  /** The cells of a sheet as the test sees them: formula or value, and note. */
  cellAt(address: string): { formula?: string; value?: Scalar; shown?: Scalar; numberFormat?: string; note?: string } {
    const ref = this.ref(address);
    const k = key(ref.r0, ref.c0);
    const cell = ref.sheet.cells.get(k);
    return {
      formula: cell?.formula,
      value: cell?.value,
      shown: this.layout(ref.sheet).shown.get(k),
      numberFormat: cell?.numberFormat,
      note: this.notes.get(this.addressOf({ ...ref, r1: ref.r0, c1: ref.c0 })),
    };
  }

  /** Writes cells directly (test setup), then calculates the formulas written unless told not to. */
  async setCells(address: string, rows: unknown[][], calculate = true): Promise<void> {
    const ref = this.ref(address);
    const written: { sheet: SheetModel; key: string }[] = [];
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(ref.r0 + i, ref.c0 + j);
        const t = typed(v);
        if (t.formula === undefined && t.value === undefined) ref.sheet.cells.delete(k);
        else ref.sheet.cells.set(k, { ...t, numberFormat: ref.sheet.cells.get(k)?.numberFormat });
        if (t.formula) written.push({ sheet: ref.sheet, key: k });
      }),
    );
    if (calculate) await this.calculate(written);
  }

  // --- Office objects ------------------------------------------------------------------------

  /** `Excel` as the add-in sees it. */
  readonly excel: ExcelApi = { run: <T>(batch: (context: ExcelContext) => Promise<T>) => batch(new RequestContext(this)) };

  /** `Office.context.document.settings`. */
  readonly settings: DocumentSettings = {
    get: (name: string): unknown => (name in this.liveSettings ? this.liveSettings[name] : null),
    set: (name: string, value: unknown): void => void (this.liveSettings[name] = value),
    remove: (name: string): void => void delete this.liveSettings[name],
    saveAsync: (callback) => {
      this.savedSettings = JSON.parse(JSON.stringify(this.liveSettings));
      this.log.settingsSaves++;
      setTimeout(() => callback?.({ status: SUCCEEDED, error: undefined as never }), 0);
    },
  };
}

type Op = () => void | Promise<void>;

export class RequestContext implements ExcelContext {
  private queue: Op[] = [];
  readonly workbook: WorkbookObject;

  constructor(readonly book: WorkbookStandIn) {
    this.workbook = new WorkbookObject(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  async sync<T>(passThroughValue?: T): Promise<T> {
    this.book.log.syncs++;
    const ops = this.queue;
    this.queue = [];
    for (const op of ops) await op();
    return passThroughValue as T;
  }
}

/** An API object: its target is found when the queue reaches it; properties are read from what load() captured. */
abstract class ApiObject<T> {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: RequestContext,
    resolve: () => T | null,
  ) {
    ctx.enqueue(() => {
      this.target = resolve();
    });
  }

  get isNullObject(): boolean {
    if (this.target === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject is known only after context.sync()');
    return this.target === null;
  }

  load(props: string | string[]): this {
    const names = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      for (const name of names) this.loaded.set(name, this.target ? this.snapshot(name, this.target) : null);
    });
    return this;
  }

  protected read<V>(name: string): V {
    if (!this.loaded.has(name)) {
      throw new OfficeError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    }
    return this.loaded.get(name) as V;
  }

  protected live(): T {
    if (!this.target) throw new OfficeError('InvalidObjectPath', 'the object does not exist (a null object)');
    return this.target;
  }

  protected abstract snapshot(name: string, target: T): unknown;
}

class WorkbookObject implements ExcelWorkbook {
  readonly worksheets: WorksheetCollection;
  readonly notes: NoteCollection;
  readonly application: { calculate(type: string): void };

  constructor(private readonly ctx: RequestContext) {
    this.worksheets = new WorksheetCollection(ctx);
    this.notes = new NoteCollection(ctx);
    this.application = {
      calculate: (type: string) =>
        ctx.enqueue(async () => {
          ctx.book.log.calculations.push(type);
          await ctx.book.calculate();
        }),
    };
  }

  getSelectedRange(): RangeObject {
    const book = this.ctx.book;
    return new RangeObject(this.ctx, () => book.ref(book.selection.address, book.sheet(book.selection.sheet)));
  }
}

class WorksheetCollection implements ExcelWorksheets {
  private loadedItems: WorksheetObject[] | undefined;

  constructor(private readonly ctx: RequestContext) {}

  /** The sheets, in order, as of the sync after load(); each with the properties load() named (`items/name`). */
  get items(): WorksheetObject[] {
    if (!this.loadedItems) throw new OfficeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync() first.");
    return this.loadedItems;
  }

  load(props: string | string[]): this {
    const names = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim().replace(/^items\//, '')).filter((p) => p && p !== 'items');
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.book.sheets.map((sheet) => {
        const one = new WorksheetObject(this.ctx, () => sheet);
        if (names.length) one.load(names);
        return one;
      });
    });
    return this;
  }

  getItem(name: string): WorksheetObject {
    return new WorksheetObject(this.ctx, () => {
      const sheet = this.ctx.book.sheet(name);
      if (!sheet) throw new OfficeError('ItemNotFound', `The requested resource doesn't exist: sheet ${name}`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetObject {
    return new WorksheetObject(this.ctx, () => this.ctx.book.sheet(name) ?? null);
  }

  getActiveWorksheet(): WorksheetObject {
    return new WorksheetObject(this.ctx, () => this.ctx.book.sheet(this.ctx.book.activeSheet)!);
  }

  add(name: string): WorksheetObject {
    return new WorksheetObject(this.ctx, () => this.ctx.book.addSheet(name));
  }
}

class WorksheetObject extends ApiObject<SheetModel> implements ExcelWorksheet {
  get name(): string {
    return this.read('name');
  }

  get visibility(): Excel.SheetVisibility | SheetModel['visibility'] {
    return this.read('visibility');
  }

  set visibility(v: Excel.SheetVisibility | SheetModel['visibility']) {
    this.ctx.enqueue(() => void (this.live().visibility = v));
  }

  getRange(address?: string): RangeObject {
    return new RangeObject(this.ctx, () => this.ctx.book.ref(address ?? 'A1:XFD1048576', this.live()));
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeObject {
    return new RangeObject(this.ctx, () => {
      const sheet = this.live();
      const { shown } = this.ctx.book.layout(sheet);
      const keys = valuesOnly ? [...shown.keys()] : [...new Set([...sheet.cells.keys(), ...shown.keys()])];
      if (keys.length === 0) return null;
      const rc = keys.map((k) => k.split(',').map(Number));
      return { sheet, r0: Math.min(...rc.map(([r]) => r)), c0: Math.min(...rc.map(([, c]) => c)), r1: Math.max(...rc.map(([r]) => r)), c1: Math.max(...rc.map(([, c]) => c)) };
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const book = this.ctx.book;
      book.sheets.splice(book.sheets.indexOf(this.live()), 1);
    });
  }

  protected snapshot(name: string, sheet: SheetModel): unknown {
    if (name === 'name' || name === 'visibility') return sheet[name];
    throw new OfficeError('InvalidArgument', `worksheet has no property ${name} here`);
  }
}

class RangeObject extends ApiObject<RangeRef> implements ExcelRange {
  get address(): string {
    return this.read('address');
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(rows: unknown[][]) {
    this.write(rows, 'formulas');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(rows: Scalar[][]) {
    this.write(rows, 'values');
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(rows: unknown[][]) {
    this.ctx.enqueue(() => {
      const ref = this.live();
      this.forEach(ref, rows, (cell, v, k) => ref.sheet.cells.set(k, { ...(cell ?? {}), numberFormat: String(v) }));
    });
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get worksheet(): WorksheetObject {
    return new WorksheetObject(this.ctx, () => this.live().sheet);
  }

  getCell(row: number, column: number): RangeObject {
    return new RangeObject(this.ctx, () => {
      const ref = this.live();
      return { sheet: ref.sheet, r0: ref.r0 + row, c0: ref.c0 + column, r1: ref.r0 + row, c1: ref.c0 + column };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeObject {
    return new RangeObject(this.ctx, () => {
      const ref = this.live();
      return { ...ref, r1: ref.r1 + deltaRows, c1: ref.c1 + deltaColumns };
    });
  }

  getSpillingToRangeOrNullObject(): RangeObject {
    return new RangeObject(this.ctx, () => {
      this.ctx.book.requires('ExcelApi', '1.12', 'Range.getSpillingToRangeOrNullObject');
      const ref = this.live();
      const spill = this.ctx.book.layout(ref.sheet).spills.get(key(ref.r0, ref.c0));
      return spill ? { sheet: ref.sheet, r0: spill[0], c0: spill[1], r1: spill[2], c1: spill[3] } : null;
    });
  }

  getSpillParentOrNullObject(): RangeObject {
    return new RangeObject(this.ctx, () => {
      this.ctx.book.requires('ExcelApi', '1.12', 'Range.getSpillParentOrNullObject');
      const ref = this.live();
      const layout = this.ctx.book.layout(ref.sheet);
      const anchor = layout.spillOf.get(key(ref.r0, ref.c0));
      if (!anchor || !layout.spills.has(anchor)) return null;
      const [r, c] = anchor.split(',').map(Number);
      return { sheet: ref.sheet, r0: r, c0: c, r1: r, c1: c };
    });
  }

  select(): void {
    this.ctx.enqueue(() => {
      const ref = this.live();
      this.ctx.book.select(ref.sheet.name, a1(ref.r0, ref.c0, ref.r1, ref.c1));
    });
  }

  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.ctx.enqueue(() => {
      const ref = this.live();
      for (let r = ref.r0; r <= ref.r1; r++) {
        for (let c = ref.c0; c <= ref.c1; c++) {
          const k = key(r, c);
          const cell = ref.sheet.cells.get(k);
          if (!cell) continue;
          if (applyTo === 'All' || (applyTo === 'Contents' && !cell.numberFormat)) ref.sheet.cells.delete(k);
          else if (applyTo === 'Contents') ref.sheet.cells.set(k, { numberFormat: cell.numberFormat });
          else ref.sheet.cells.set(k, { ...cell, numberFormat: undefined });
        }
      }
    });
  }

  private write(rows: unknown[][], kind: 'formulas' | 'values'): void {
    this.ctx.enqueue(async () => {
      const ref = this.live();
      const written: { sheet: SheetModel; key: string }[] = [];
      this.forEach(ref, rows, (cell, v, k) => {
        const t = typed(v);
        if (kind === 'values' && typeof v === 'string' && v.startsWith('=')) Object.assign(t, { formula: v, value: undefined });
        const next: CellModel = { ...t, numberFormat: cell?.numberFormat };
        if (next.formula === undefined && next.value === undefined && next.numberFormat === undefined) ref.sheet.cells.delete(k);
        else ref.sheet.cells.set(k, next);
        if (next.formula) written.push({ sheet: ref.sheet, key: k });
      });
      await this.ctx.book.calculate(written);
    });
  }

  private forEach(ref: RangeRef, rows: unknown[][], fn: (cell: CellModel | undefined, v: unknown, k: string) => void): void {
    const height = ref.r1 - ref.r0 + 1;
    const width = ref.c1 - ref.c0 + 1;
    if (!Array.isArray(rows) || rows.length !== height || rows.some((row) => !Array.isArray(row) || row.length !== width)) {
      throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${height}×${width})`);
    }
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const k = key(ref.r0 + i, ref.c0 + j);
        fn(ref.sheet.cells.get(k), v, k);
      }),
    );
  }

  protected snapshot(name: string, ref: RangeRef): unknown {
    const book = this.ctx.book;
    const rows = ref.r1 - ref.r0 + 1;
    const cols = ref.c1 - ref.c0 + 1;
    const grid = <V>(f: (k: string) => V): V[][] => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(key(ref.r0 + i, ref.c0 + j))));
    switch (name) {
      case 'address':
        return book.addressOf(ref);
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'formulas':
        return grid((k) => {
          const cell = ref.sheet.cells.get(k);
          return cell?.formula ?? cell?.value ?? '';
        });
      case 'values': {
        const { shown } = book.layout(ref.sheet);
        return grid((k) => shown.get(k) ?? '');
      }
      case 'numberFormat':
        return grid((k) => ref.sheet.cells.get(k)?.numberFormat ?? 'General');
      default:
        throw new OfficeError('InvalidArgument', `range has no property ${name} here`);
    }
  }
}

class NoteCollection implements ExcelNotes {
  constructor(private readonly ctx: RequestContext) {}

  add(cellAddress: string, content: string): NoteObject {
    return new NoteObject(this.ctx, () => {
      const book = this.ctx.book;
      book.requires('ExcelApi', '1.18', 'NoteCollection.add');
      const ref = book.ref(cellAddress);
      if (ref.r0 !== ref.r1 || ref.c0 !== ref.c1) throw new OfficeError('InvalidArgument', 'a note belongs to one cell');
      const address = book.addressOf(ref);
      if (book.notes.has(address)) throw new OfficeError('InvalidArgument', `${address} already has a note`);
      book.notes.set(address, String(content));
      return address;
    });
  }

  getItemOrNullObject(cellAddress: string): NoteObject {
    return new NoteObject(this.ctx, () => {
      const book = this.ctx.book;
      book.requires('ExcelApi', '1.18', 'NoteCollection.getItemOrNullObject');
      const address = book.addressOf(book.ref(cellAddress));
      return book.notes.has(address) ? address : null;
    });
  }
}

class NoteObject extends ApiObject<string> implements ExcelNote {
  get content(): string {
    return this.read('content');
  }
  set content(text: string) {
    this.ctx.enqueue(() => void this.ctx.book.notes.set(this.live(), String(text)));
  }

  delete(): void {
    this.ctx.enqueue(() => void this.ctx.book.notes.delete(this.live()));
  }

  protected snapshot(name: string, address: string): unknown {
    if (name === 'content') return this.ctx.book.notes.get(address);
    throw new OfficeError('InvalidArgument', `note has no property ${name} here`);
  }
}
