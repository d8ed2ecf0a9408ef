// Shapes API results into the 2-D arrays Excel spills: one row per date, dates as Excel serials
// (so the sheet can format them), missing values as empty cells, numbers in percent or bp shown so.
import { formattedNumberType } from '../shared/cell-values.js';
import { isoToSerial } from '../shared/dates.js';
import { TideError } from '../shared/errors.js';
import { shown, type Display, type Shown } from './number-formats.js';

export type Cell = Shown | string | boolean;
export type Matrix = Cell[][];

export interface DatedColumns {
  dates: readonly string[];
  /** One array per value column, each as long as `dates`. */
  columns: readonly (readonly (number | null)[])[];
}

export interface ShapeOptions {
  /** Prepend a header row. */
  headers: boolean;
  /** Header labels: the date column's, then one per value column. */
  labels: readonly string[];
  /** Message for the #N/A shown when there are no rows (an empty spill is not possible). */
  emptyMessage: string;
}

export interface DatedShapeOptions extends ShapeOptions {
  /** How each value column is shown (percent, bp); plain where undefined or omitted. */
  displays?: readonly (Display | undefined)[];
}

export function datedMatrix({ dates, columns }: DatedColumns, opts: DatedShapeOptions): Matrix {
  for (const col of columns) {
    if (col.length !== dates.length) {
      throw new TideError('server', `the server sent ${dates.length} dates but ${col.length} values`);
    }
  }
  const type = formattedNumberType();
  const rows: Matrix = dates.map((d, i) => [isoToSerial(d), ...columns.map((col, c) => shownCell(col[i], opts.displays?.[c], type))]);
  return withHeaders(rows, opts);
}

/** A value as its cell shows it: empty when missing, else the number in its display. */
export function shownCell(v: number | null | undefined, display: Display | undefined, type = formattedNumberType()): Cell {
  return v === null || v === undefined ? '' : shown(v, display, type);
}

/** Rows that are not dated (search results, outcome tables); `displays` has one entry per column. */
export function tableMatrix(rows: Matrix, opts: ShapeOptions & { displays?: readonly (Display | undefined)[] }): Matrix {
  const { displays } = opts;
  if (!displays) return withHeaders(rows, opts);
  const type = formattedNumberType();
  return withHeaders(
    rows.map((row) => row.map((v, c) => (typeof v === 'number' ? shown(v, displays[c], type) : v))),
    opts,
  );
}

function withHeaders(rows: Matrix, { headers, labels, emptyMessage }: ShapeOptions): Matrix {
  if (rows.length === 0) throw new TideError('notFound', emptyMessage);
  const width = rows[0].length;
  if (labels.length !== width) throw new Error(`header has ${labels.length} labels for ${width} columns`);
  return headers ? [[...labels], ...rows] : rows;
}

/** A missing value becomes an empty cell rather than 0, so it cannot be mistaken for data. */
export function cell(v: number | string | boolean | null | undefined): Cell {
  return v === null || v === undefined ? '' : v;
}

/** The last non-missing value on or before `onOrBefore` (all dates when omitted). */
export function lastValue(dates: readonly string[], values: readonly (number | null)[], onOrBefore?: string): { date: string; value: number } | undefined {
  for (let i = dates.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && (onOrBefore === undefined || dates[i] <= onOrBefore)) {
      return { date: dates[i], value: v };
    }
  }
  return undefined;
}
