// Expected values straight from the bundled CSV files, and Excel serials computed independently
// of the add-in's own conversion (days since 1899-12-30, valid from March 1900 on).
import { readFileSync } from 'node:fs';

export function closes(file: string): { dates: string[]; values: number[] } {
  const lines = readFileSync(`data/real/${file}`, 'utf8').trim().split('\n').slice(1);
  const rows = lines.map((l) => l.split(',')).filter((cols) => cols[1] !== '');
  return { dates: rows.map((r) => r[0]), values: rows.map((r) => Number(r[1])) };
}

export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}
