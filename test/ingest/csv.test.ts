import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvSeries, type CsvMapping } from '../../api/ingest/connectors/csv-parser.js';
import { parseNumber } from '../../api/ingest/connectors/csv-values.js';

// Real ^RUT and IWM closes of 1-5 July 2024 (data/real/*_yahoo.csv) as Excel displays and exports them.
const de = readFileSync(new URL('./recorded/csv/excel-de.csv', import.meta.url));
const us = readFileSync(new URL('./recorded/csv/excel-us.csv', import.meta.url));
const deMapping: CsvMapping = {
  dateColumn: 'Datum',
  columns: [
    { column: 'RUT Schluss', id: 'MY_RUT' },
    { column: 'IWM Schluss', id: 'MY_IWM' },
  ],
};
const usMapping: CsvMapping = { dateColumn: 'Date', columns: [{ column: 'Close', id: 'MY_RUT' }] };
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('CSV connector', () => {
  it('reads a German Excel export: BOM, semicolons, DD.MM.YYYY, decimal commas, thousands dots, blank and "." as missing', () => {
    const [rut, iwm] = parseCsvSeries(de, 'excel-de.csv', deMapping);
    expect(rut.revisions.map((r) => [r.date, r.value])).toEqual([
      ['2024-07-01', 2030.07],
      ['2024-07-02', 2033.87],
      ['2024-07-03', 2036.62],
      ['2024-07-04', null],
      ['2024-07-05', 2026.73],
    ]);
    expect(iwm.revisions[3]).toEqual({ date: '2024-07-04', value: null, realtimeStart: '2024-07-04' });
    expect(rut.meta).toMatchObject({ id: 'MY_RUT', frequency: 'DAILY', source: { sourceId: 'excel-de.csv#RUT Schluss' } });
  });

  it('reads a US Excel export: M/D/YYYY dates and quoted thousands separators, with a fixed release day', () => {
    const [rut] = parseCsvSeries(us, 'excel-us.csv', { ...usMapping, realtimeStart: '2024-07-08' });
    expect(rut.revisions).toEqual([
      { date: '2024-07-01', value: 2030.07, realtimeStart: '2024-07-08' },
      { date: '2024-07-02', value: 2033.87, realtimeStart: '2024-07-08' },
      { date: '2024-07-03', value: 2036.62, realtimeStart: '2024-07-08' },
      { date: '2024-07-05', value: 2026.73, realtimeStart: '2024-07-08' },
    ]);
  });

  it('refuses numbers it would otherwise misread', () => {
    expect(parseNumber('1,5', '.')).toBeUndefined(); // not 15
    expect(parseNumber('2.030,07', ',')).toBe(2030.07);
    expect(parseNumber('1 234,5', ',')).toBe(1234.5);
    expect(parseNumber('12abc', '.')).toBeUndefined();
  });

  it('names file, row and column for a duplicated date', () => {
    const text = de.toString('utf8').replace('03.07.2024;2.036,62;199,55', '02.07.2024;2.036,62;199,55');
    expect(() => parseCsvSeries(bytes(text), 'excel-de.csv', deMapping)).toThrow('CSV excel-de.csv, column "Datum", row 4: date 2024-07-02 appears twice');
  });

  it('names file, row and column for dates out of order', () => {
    const lines = us.toString('utf8').split('\r\n');
    [lines[2], lines[3]] = [lines[3], lines[2]];
    expect(() => parseCsvSeries(bytes(lines.join('\r\n')), 'excel-us.csv', usMapping)).toThrow(
      'CSV excel-us.csv, column "Date", row 4: date 2024-07-02 comes after 2024-07-03; sort the file by date (oldest first)',
    );
  });

  it('names the series, column and row of a value that is not a number', () => {
    const text = us.toString('utf8').replace('"2,033.87"', 'n/a!');
    expect(() => parseCsvSeries(bytes(text), 'excel-us.csv', usMapping)).toThrow('CSV excel-us.csv, MY_RUT (column "Close"), row 3: "n/a!" is not a number');
  });

  it('detects UTF-16 without a byte-order mark and invalid UTF-8 (a Windows-1252 file)', () => {
    const utf16 = Buffer.from(us.toString('utf8'), 'utf16le');
    expect(() => parseCsvSeries(utf16, 'excel-us.csv', usMapping)).toThrow('CSV excel-us.csv, row 1: file contains NUL bytes: it looks like UTF-16 without a byte-order mark');
    const latin1 = Buffer.from(us.toString('utf8').replace('half day', 'Börse halbtags'), 'latin1');
    expect(() => parseCsvSeries(latin1, 'excel-us.csv', usMapping)).toThrow(/^CSV excel-us\.csv, row 4: byte 0xf6 at offset \d+ is not valid UTF-8/);
  });

  it('decodes UTF-16 that carries its byte-order mark (Excel "Unicode Text")', () => {
    const withBom = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(us.toString('utf8'), 'utf16le')]);
    expect(parseCsvSeries(withBom, 'excel-us.csv', usMapping)[0].revisions).toHaveLength(4);
  });

  it('lists the columns when a mapped column is absent', () => {
    expect(() => parseCsvSeries(us, 'excel-us.csv', { ...usMapping, dateColumn: 'Datum' })).toThrow(
      'CSV excel-us.csv, row 1: column "Datum" is not in the header; the columns are "Date", "Close", "Note"',
    );
  });
});
