// Test-side I/O: reads the bundled real CSVs and the committed pandas reference files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Columns } from '../../../api/series/types.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One value column of a CSV in data/real/ as Columns; blank cells become null. */
export function loadColumn(file: string, column: string): Columns {
  const [header, ...rows] = readFileSync(`${root}data/real/${file}`, 'utf8').trim().split(/\r?\n/);
  const k = header.split(',').indexOf(column);
  if (k < 0) throw new Error(`${file} has no column ${column}`);
  const dates: string[] = [];
  const values: (number | null)[] = [];
  for (const row of rows) {
    const cells = row.split(',');
    dates.push(cells[0]);
    values.push(cells[k] === '' || cells[k] === undefined ? null : Number(cells[k]));
  }
  return { dates, values };
}

/** A CFTC TFF column keyed by report date. */
export function loadCot(file: string, column: string): Columns {
  const [header, ...rows] = readFileSync(`${root}data/real/${file}`, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  const dateAt = names.indexOf('Report_Date_as_YYYY-MM-DD');
  const k = names.indexOf(column);
  const pairs = rows.map((r) => r.split(',')).map((c) => [c[dateAt], Number(c[k])] as const);
  pairs.sort(([a], [b]) => (a < b ? -1 : 1));
  return { dates: pairs.map(([d]) => d), values: pairs.map(([, v]) => v) };
}

export function reference<T = any>(name: string): T {
  return JSON.parse(readFileSync(`${root}test/indicators/reference/${name}.json`, 'utf8')) as T;
}

export const REL_TOL = 1e-9;
export const ABS_TOL = 1e-12;

/** Element-wise comparison: nulls must match exactly, numbers within REL_TOL relative (ABS_TOL near 0). */
export function mismatches(actual: readonly (number | null)[], expected: readonly (number | null)[], rel = REL_TOL, abs = ABS_TOL): string[] {
  const bad: string[] = [];
  if (actual.length !== expected.length) return [`length ${actual.length} != ${expected.length}`];
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a === null || e === null) {
      if (a !== e) bad.push(`[${i}] ${a} != ${e}`);
    } else if (Math.abs(a - e) > Math.max(abs, rel * Math.abs(e))) bad.push(`[${i}] ${a} != ${e}`);
  }
  return bad.slice(0, 5);
}
