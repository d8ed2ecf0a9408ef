// The part of the Excel JavaScript API the task pane and the runtime use, typed here so the same
// code runs against Excel and against the stand-in the tests use. Semantics are Office's: reads are
// queued with load() and filled in by sync(); writes are queued and applied in order at sync().

export type CellScalar = string | number | boolean;

export interface ExcelRange {
  address: string;
  formulas: unknown[][];
  values: CellScalar[][];
  numberFormat: unknown[][];
  rowCount: number;
  columnCount: number;
  isNullObject: boolean;
  worksheet: ExcelWorksheet;
  load(props: string | string[]): ExcelRange;
  getCell(row: number, column: number): ExcelRange;
  getSpillingToRangeOrNullObject(): ExcelRange;
  getSpillParentOrNullObject(): ExcelRange;
  getResizedRange(deltaRows: number, deltaColumns: number): ExcelRange;
  clear(applyTo?: 'All' | 'Formats' | 'Contents'): void;
}

export interface ExcelNote {
  content: string;
  isNullObject: boolean;
  load(props: string | string[]): ExcelNote;
  delete(): void;
}

export interface ExcelWorksheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  isNullObject: boolean;
  load(props: string | string[]): ExcelWorksheet;
  getRange(address?: string): ExcelRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): ExcelRange;
  delete(): void;
}

export interface ExcelWorkbook {
  worksheets: {
    getItem(name: string): ExcelWorksheet;
    getItemOrNullObject(name: string): ExcelWorksheet;
    getActiveWorksheet(): ExcelWorksheet;
    add(name: string): ExcelWorksheet;
  };
  notes: {
    add(cellAddress: string, content: string): ExcelNote;
    getItemOrNullObject(cellAddress: string): ExcelNote;
  };
  application: { calculate(type: 'Full' | 'Recalculate' | 'FullRebuild'): void };
  getSelectedRange(): ExcelRange;
}

export interface ExcelContext {
  workbook: ExcelWorkbook;
  sync(): Promise<void>;
}

export interface ExcelApi {
  run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T>;
}

/** Excel when the add-in runs inside it; undefined in a plain browser. */
export function excelApi(): ExcelApi | undefined {
  const excel = (globalThis as unknown as { Excel?: ExcelApi }).Excel;
  return excel && typeof excel.run === 'function' ? excel : undefined;
}
