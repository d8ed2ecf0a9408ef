import { parse } from 'csv-parse/sync';
import { fail, type Origin } from '../errors.js';

/**
 * Bytes → text, refusing anything that is not UTF-8 rather than guessing: a silently mis-decoded
 * file would store wrong labels or numbers. UTF-16 with a byte-order mark (Excel's "Unicode Text")
 * is decoded; a UTF-8 BOM (Excel's "CSV UTF-8") is dropped.
 */
export function decodeCsv(bytes: Uint8Array, origin: Origin): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul >= 0) {
    fail(origin, lineOf(body, nul), 'file contains NUL bytes: it looks like UTF-16 without a byte-order mark; save it as "CSV UTF-8" and try again');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoder.decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    fail(origin, lineOf(body, bad), `byte 0x${body[bad].toString(16)} at offset ${bad + start} is not valid UTF-8 (likely Windows-1252/Latin-1); save the file as "CSV UTF-8" and try again`);
  }
}

export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/**
 * The rows of a CSV text, each with its line number, header first; a file csv-parse cannot read, or
 * one with no data row below its header, is refused naming the line.
 */
export function readCsvRecords(text: string, delimiter: string, origin: Origin): CsvRecord[] {
  let records: CsvRecord[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: false, skip_empty_lines: true, trim: true, bom: true }) as unknown as CsvRecord[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    fail(origin, err.lines, `not readable as CSV with delimiter ${JSON.stringify(delimiter)}: ${err.message}`);
  }
  if (records.length < 2) fail(origin, undefined, 'file has no data rows below the header');
  return records;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629 sequence lengths). */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const c = b[i];
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return b.length - 1;
}
