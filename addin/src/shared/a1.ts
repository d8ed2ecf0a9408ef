// A1 addresses as Excel writes them (`B7`, `$B$7`, `A1:C3`, `Sheet1!A1`, `'Run-up'!B6`), read and
// written in this one module: the task pane, the functions' call log and the tests' Excel stand-in
// all use it, so they agree on where a cell is and on how a sheet name is quoted.

/** A cell by zero-based row and column. */
export interface CellPosition {
  row: number;
  column: number;
}

export interface RangePosition {
  first: CellPosition;
  last: CellPosition;
}

/** Excel's grid: columns A..XFD (3 letters), rows 1..1048576 (7 digits). */
const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/**
 * A sheet name Excel writes without quotes: letters, digits, `_` and `.`, not starting with a digit,
 * and not itself readable as a cell (`A1`) or R1C1 reference. Any other name is quoted, with each `'`
 * in it doubled.
 */
const BARE_SHEET = /^[A-Za-z_][A-Za-z0-9_.]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|R\d*C\d*)$/i;

/** Column letters to a zero-based index: A → 0, Z → 25, AA → 26. */
export function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** A zero-based column index to its letters: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** `B7` or `$B$7` → { row: 6, column: 1 }; undefined when the text is not one cell. */
export function parseCell(text: string): CellPosition | undefined {
  const m = CELL.exec(text.trim());
  if (!m) return undefined;
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

/** The cell's name without `$`: { row: 6, column: 1 } → `B7`. */
export function cellName(p: CellPosition): string {
  return `${columnLetters(p.column)}${p.row + 1}`;
}

/** `A1` or `A1:C3` (with or without `$`, corners in any order) → its top-left and bottom-right cells. */
export function parseRange(text: string): RangePosition | undefined {
  const [from, to = from, ...rest] = text.split(':');
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b || rest.length) return undefined;
  return {
    first: { row: Math.min(a.row, b.row), column: Math.min(a.column, b.column) },
    last: { row: Math.max(a.row, b.row), column: Math.max(a.column, b.column) },
  };
}

/** `A1` for one cell, `A1:C3` for more. */
export function rangeName(r: RangePosition): string {
  const first = cellName(r.first);
  return r.first.row === r.last.row && r.first.column === r.last.column ? first : `${first}:${cellName(r.last)}`;
}

/** The sheet name as an address or formula writes it. */
export function quoteSheet(name: string): string {
  return BARE_SHEET.test(name) && !LOOKS_LIKE_CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A sheet name as written before `!`: quotes taken off and `''` read as `'`; undefined if it is neither quoted nor bare. */
export function unquoteSheet(written: string): string | undefined {
  if (written.length >= 2 && written.startsWith("'") && written.endsWith("'")) return written.slice(1, -1).replace(/''/g, "'");
  return BARE_SHEET.test(written) ? written : undefined;
}

/**
 * `'Run-up'!$B$6:$C$9` → { sheet: 'Run-up', cells: 'B6:C9' }; without `!` the sheet is undefined.
 * The cells are given as written, less every `$`.
 */
export function splitAddress(address: string): { sheet: string | undefined; cells: string } {
  const bang = address.lastIndexOf('!');
  const cells = address.slice(bang + 1).replace(/\$/g, '');
  if (bang < 0) return { sheet: undefined, cells };
  const written = address.slice(0, bang);
  return { sheet: unquoteSheet(written) ?? written, cells };
}

/** `Sheet!cells` with the sheet quoted as Excel would. */
export function joinAddress(sheet: string, cells: string): string {
  return `${quoteSheet(sheet)}!${cells}`;
}

/** The cell `rows` below and `columns` right of `cell`: (`B2`, 1, 2) → `D3`. */
export function offsetCell(cell: string, rows: number, columns: number): string {
  const p = parseCell(cell);
  if (!p) throw new RangeError(`"${cell}" is not a cell address`);
  return cellName({ row: p.row + rows, column: p.column + columns });
}

/** The range of `rows` × `columns` cells whose top-left cell is `anchor`: (`A11`, 3 × 2) → `A11:B13`. */
export function rangeFrom(anchor: string, extent: { rows: number; columns: number }): string {
  const p = parseCell(anchor);
  if (!p) throw new RangeError(`"${anchor}" is not a cell address`);
  return rangeName({ first: p, last: { row: p.row + Math.max(1, extent.rows) - 1, column: p.column + Math.max(1, extent.columns) - 1 } });
}
