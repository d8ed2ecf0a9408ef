// The part of the Excel JavaScript API the task pane and the runtime use, cut from Microsoft's own
// types (@types/office-js), so the same code runs against Excel and against the stand-in the tests
// use, and the stand-in is checked against what Excel declares. Properties are Excel's as declared
// (Pick); methods return these narrow objects, so a stand-in need not build the whole API; the
// checks at the end fail to compile if Excel's objects stop fitting these shapes.
// Semantics are Office's: reads are queued with load() and filled in by sync(); writes are queued
// and applied in order at sync().

export type CellScalar = string | number | boolean;

/** Names of properties to load, as Excel's load() takes them. */
type PropertyNames = string | string[];

export interface ExcelRange extends Pick<Excel.Range, 'address' | 'formulas' | 'values' | 'isNullObject'> {
  load(props: PropertyNames): ExcelRange;
  getCell(row: number, column: number): ExcelRange;
  /** ExcelApi 1.12. */
  getSpillingToRangeOrNullObject(): ExcelRange;
  /** ExcelApi 1.12. */
  getSpillParentOrNullObject(): ExcelRange;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
  select(): void;
}

/** ExcelApi 1.18. */
export interface ExcelNote extends Pick<Excel.Note, 'content' | 'isNullObject' | 'delete'> {
  load(props: PropertyNames): ExcelNote;
}

export interface ExcelWorksheet extends Pick<Excel.Worksheet, 'name' | 'visibility' | 'isNullObject' | 'delete'> {
  load(props: PropertyNames): ExcelWorksheet;
  getRange(address?: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
}

export interface ExcelWorksheets {
  readonly items: ExcelWorksheet[];
  load(props: PropertyNames): ExcelWorksheets;
  getItem(name: string): ExcelWorksheet;
  getItemOrNullObject(name: string): ExcelWorksheet;
  getActiveWorksheet(): ExcelWorksheet;
  add(name: string): ExcelWorksheet;
}

/** ExcelApi 1.18. */
export interface ExcelNotes {
  add(cellAddress: string, content: string): ExcelNote;
  getItemOrNullObject(cellAddress: string): ExcelNote;
}

export interface ExcelWorkbook {
  readonly worksheets: ExcelWorksheets;
  readonly notes: ExcelNotes;
  readonly application: Pick<Excel.Application, 'calculate'>;
  getSelectedRange(): ExcelRange;
}

export interface ExcelContext extends Pick<Excel.RequestContext, 'sync'> {
  readonly workbook: ExcelWorkbook;
}

export interface ExcelApi {
  run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
}

/** Excel when the add-in runs inside it; undefined in a plain browser. */
export function excelApi(): ExcelApi | undefined {
  return typeof Excel !== 'undefined' && typeof Excel.run === 'function' ? Excel : undefined;
}

// Excel's own objects fit the shapes above: what compiles against them compiles against Excel.
type Fits<Real, Narrow> = Real extends Narrow ? true : never;
export type ExcelFitsTheseShapes = [
  Fits<Excel.Range, ExcelRange>,
  Fits<Excel.Note, ExcelNote>,
  Fits<Excel.Worksheet, ExcelWorksheet>,
  Fits<Excel.WorksheetCollection, ExcelWorksheets>,
  Fits<Excel.NoteCollection, ExcelNotes>,
  Fits<Excel.Workbook, ExcelWorkbook>,
  Fits<Excel.RequestContext, ExcelContext>,
  Fits<typeof Excel, ExcelApi>,
];
const excelFits: ExcelFitsTheseShapes = [true, true, true, true, true, true, true, true];
void excelFits;
