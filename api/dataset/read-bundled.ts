import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { CFTC_FIELDS, cftcSeriesMeta, type CftcField } from '../series/cftc-fields.js';
import { cotReleaseDate } from '../series/release-calendars.js';
import { isIsoDate } from '../series/dates.js';
import type { Revision } from '../series/types.js';
import { readPollSeries } from '../ingest/connectors/polls-client.js';
import type { SeriesBatch } from '../ingest/types.js';
import type { Catalog, CatalogCftc, CatalogSeries } from './catalog.js';
import { periodDate, realtimeStart } from './realtime.js';

type Row = Record<string, string>;

async function readRows(path: string): Promise<Row[]> {
  return parse(await readFile(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
}

function toNumber(text: string | undefined, where: string): number | null {
  if (text === undefined || text === '' || text === '.') return null;
  const n = Number(text);
  if (!Number.isFinite(n)) throw new Error(`${where}: "${text}" is not a number`);
  return n;
}

async function readSeries(dataDir: string, entry: CatalogSeries): Promise<SeriesBatch> {
  const revisions: Revision[] = [];
  for (const f of entry.files) {
    const rows = await readRows(join(dataDir, 'real', f.file));
    rows.forEach((row, i) => {
      const where = `${f.file} row ${i + 2}`;
      const date = periodDate(row[f.dateColumn] ?? '');
      if (!isIsoDate(date)) throw new Error(`${where}: bad date "${row[f.dateColumn]}"`);
      revisions.push({ date, value: toNumber(row[f.valueColumn], where), realtimeStart: realtimeStart(f.realtime, date, row) });
    });
  }
  const { files: _files, refresh: _refresh, ...meta } = entry;
  return { meta, revisions };
}

function unknownRelease(file: string, date: string): never {
  throw new Error(`${file}: no CFTC release date is known for the report of ${date}; add it to data/calendars/cftc_cot_release_dates.csv`);
}

async function readCftc(dataDir: string, entry: CatalogCftc): Promise<SeriesBatch[]> {
  const rows = await readRows(join(dataDir, 'real', entry.file));
  return (Object.keys(CFTC_FIELDS) as CftcField[]).map((field) => {
    const column = CFTC_FIELDS[field];
    const revisions = rows.map((row, i) => {
      const date = row.Report_Date_as_YYYY_MM_DD ?? row['Report_Date_as_YYYY-MM-DD'];
      if (!isIsoDate(date)) throw new Error(`${entry.file} row ${i + 2}: bad report date "${date}"`);
      return { date, value: toNumber(row[column], `${entry.file} row ${i + 2} ${column}`), realtimeStart: cotReleaseDate(date) ?? unknownRelease(entry.file, date) };
    });
    const meta = cftcSeriesMeta(entry.contract, entry.name, entry.report, field);
    return { meta, revisions };
  });
}

/** Every bundled series with its revisions, read from data/ as catalog.json describes. */
export async function readBundled(dataDir: string): Promise<SeriesBatch[]> {
  const catalog = JSON.parse(await readFile(join(dataDir, 'catalog.json'), 'utf8')) as Catalog;
  const series = await Promise.all(catalog.series.map((s) => readSeries(dataDir, s)));
  const cftc = await Promise.all(catalog.cftc.map((c) => readCftc(dataDir, c)));
  const polls = catalog.polls ? await readPollSeries(join(dataDir, 'real', catalog.polls.file), catalog.polls.candidates) : [];
  return [...series, ...cftc.flat(), ...polls];
}
