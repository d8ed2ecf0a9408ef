// Which GraphQL calls each cell made in this session, by the cell's address, so "Explain this
// cell" shows the query that really ran. Excel tells a function its cell (requiresAddress); the
// function body makes its calls synchronously before its first await, which is when they are tied
// to the cell that is running.
import { splitAddress } from '../shared/a1.js';
import type { CallTrace } from './workbook-fetcher.js';

export interface CellRecord {
  /** e.g. `Run-up!B6`, as Excel gives it. */
  address: string;
  /** The function's id, e.g. `SERIES`. */
  fn: string;
  /** The arguments as Excel passed them (references already turned into values). */
  args: unknown[];
  calls: CallTrace[];
  at: number;
  /** The size of what the function returned (1 × 1 for a value), once it has: where its array spills. */
  extent?: { rows: number; columns: number };
}

/** The most cells remembered; older ones are dropped first. */
const MAX_CELLS = 20_000;

const records = new Map<string, CellRecord>();
let running: CellRecord | undefined;

/** Runs a function body as the cell `address`; its calls are recorded under that cell. */
export function asCell<T>(address: string | undefined, fn: string, args: unknown[], body: () => T): T {
  if (!address) return body();
  const record: CellRecord = { address, fn, args, calls: [], at: Date.now() };
  const key = normalise(address);
  records.delete(key);
  records.set(key, record);
  if (records.size > MAX_CELLS) records.delete(records.keys().next().value!);
  running = record;
  try {
    return body();
  } finally {
    running = undefined;
  }
}

/** Where the trace of a call made now should go; undefined outside a cell. */
export function currentCell(): ((trace: CallTrace) => void) | undefined {
  const record = running;
  return record ? (trace) => void record.calls.push(trace) : undefined;
}

/** Notes the size of the result the cell's function returned. */
export function recordResult(address: string | undefined, result: unknown): void {
  const record = address === undefined ? undefined : records.get(normalise(address));
  if (!record) return;
  record.extent = Array.isArray(result) ? { rows: result.length, columns: Math.max(0, ...result.map((row) => (Array.isArray(row) ? row.length : 1))) } : { rows: 1, columns: 1 };
}

export function cellRecord(address: string): CellRecord | undefined {
  return records.get(normalise(address));
}

/** Excel gives `Sheet1!A1`, or `'My sheet'!A1`; the pane may read either form, with or without `$`. */
export function normalise(address: string): string {
  const { sheet, cells } = splitAddress(address);
  const cell = cells.toUpperCase();
  return sheet ? `${sheet}!${cell}` : cell;
}

export function clearCellRecords(): void {
  records.clear();
}
