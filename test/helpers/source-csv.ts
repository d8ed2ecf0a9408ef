import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Rows of a bundled source file as [date, column value] pairs, read directly, independent of the loader. */
export function sourceColumn(file: string, column: string): [string, number | null][] {
  const [header, ...lines] = readFileSync(join('data', 'real', file), 'utf8')
    .trim()
    .split('\n');
  const index = header.split(',').indexOf(column);
  if (index < 0) throw new Error(`${file} has no column ${column}`);
  return lines.map((line) => {
    const cells = line.split(',');
    return [cells[0], cells[index] === '' ? null : Number(cells[index])];
  });
}
