import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SeriesBatch } from '../types.js';
import { parseCsvSeries, type CsvMapping } from './csv-parser.js';

/** The file edge of the CSV connector: errors name the file by its base name, not a machine path. */
export async function readCsvSeries(path: string, mapping: CsvMapping): Promise<SeriesBatch[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new Error(`CSV ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return parseCsvSeries(bytes, basename(path), mapping);
}
