import type { Frequency, Revision } from '../../series/types.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { decodeCsv, readCsvRecords } from './csv-decode.js';
import { guessDateFormat, guessDelimiter, inferFrequency, parseDate, parseNumber, type DateFormat, type DecimalMark } from './csv-values.js';

export interface CsvMapping {
  dateColumn: string;
  /** value column → series id */
  columns: { column: string; id: string; name?: string; unit?: string }[];
  dateFormat?: DateFormat;
  delimiter?: ',' | ';' | '\t';
  /** default: "," when the delimiter is ";" (the European Excel export), else "." */
  decimal?: DecimalMark;
  /** "observation": each value is public on its own date (prices); or a YYYY-MM-DD release day for all rows */
  realtimeStart?: 'observation' | string;
  frequency?: Frequency;
  sourceName?: string;
}

/** A CSV file (as bytes) → one series per mapped value column. Pure: the caller reads the file. */
export function parseCsvSeries(bytes: Uint8Array, file: string, mapping: CsvMapping): SeriesBatch[] {
  const origin: Origin = { source: `CSV ${file}` };
  const text = decodeCsv(bytes, origin);
  const delimiter = mapping.delimiter ?? guessDelimiter(text.split(/\r?\n/, 1)[0]);
  const decimal = mapping.decimal ?? (delimiter === ';' ? ',' : '.');
  const records = readCsvRecords(text, delimiter, origin);
  const header = records[0].record;
  const index = (column: string) => {
    const i = header.indexOf(column);
    if (i < 0) fail(origin, 1, `column "${column}" is not in the header; the columns are ${header.map((h) => `"${h}"`).join(', ')}`);
    return i;
  };
  const dateIdx = index(mapping.dateColumn);
  const valueIdx = mapping.columns.map((c) => index(c.column));
  const body = records.slice(1);
  const dateFormat =
    mapping.dateFormat ??
    guessDateFormat(body[0].record[dateIdx]) ??
    fail(origin, body[0].info.lines, `column "${mapping.dateColumn}": cannot tell the date format of "${body[0].record[dateIdx]}"; pass --date-format`);

  const dates: string[] = [];
  const values: (number | null)[][] = mapping.columns.map(() => []);
  body.forEach(({ record, info }) => {
    const row = info.lines;
    const where = (col: string): Origin => ({ ...origin, series: `column "${col}"` });
    const date = parseDate(record[dateIdx], dateFormat) ?? fail(where(mapping.dateColumn), row, `"${record[dateIdx]}" is not a ${dateFormat} date`);
    const prev = dates[dates.length - 1];
    if (prev === date) fail(where(mapping.dateColumn), row, `date ${date} appears twice (rows must have one date each)`);
    if (prev && prev > date) fail(where(mapping.dateColumn), row, `date ${date} comes after ${prev}; sort the file by date (oldest first)`);
    dates.push(date);
    mapping.columns.forEach((c, k) => {
      const v = parseNumber(record[valueIdx[k]], decimal);
      if (v === undefined)
        fail({ ...origin, series: `${c.id} (column "${c.column}")` }, row, `"${record[valueIdx[k]]}" is not a number with decimal mark "${decimal}" (blank, "." and #N/A mean missing)`);
      values[k].push(v);
    });
  });

  const frequency = mapping.frequency ?? inferFrequency(dates);
  return mapping.columns.map((c, k) => {
    const revisions: Revision[] = dates.map((date, i) => ({
      date,
      value: values[k][i],
      realtimeStart: !mapping.realtimeStart || mapping.realtimeStart === 'observation' ? date : mapping.realtimeStart,
    }));
    return {
      meta: { id: c.id, name: c.name ?? c.id, unit: c.unit ?? '', frequency, source: { name: mapping.sourceName ?? 'CSV file', sourceId: `${file}#${c.column}` } },
      revisions,
    };
  });
}
