import type { Revision } from '../../series/types.js';
import { addDays, isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { CFTC_FIELDS, CFTC_SOCRATA_COLUMNS, cftcSeriesId, cftcSeriesMeta, type CftcField, type CotReportCode } from '../../series/cftc-fields.js';
import { cotReleaseDate } from '../../series/release-calendars.js';

export type CftcReport = CotReportCode;
export { CFTC_FIELDS, type CftcField };

export interface CftcRow {
  date: string;
  market: string;
  /** null where the record has no value for the field */
  values: Record<CftcField, number | null>;
}

/**
 * One Socrata page (a JSON array of records whose values are all strings). Socrata leaves a field
 * out of a record when its value is null, so a missing field is a missing value for that field and
 * week only, not a broken page. Code columns carry the CFTC file's fixed-width padding ("CME ",
 * "239 "), so codes and names are trimmed before they are compared or stored.
 */
/** The CFTC's release day of a report; past the calendars, the Monday after it (late rather than early). */
const publishedOn = (reportDate: string): string => cotReleaseDate(reportDate) ?? addDays(reportDate, 6);

export function parseCftcPage(body: unknown, code: string, report: CftcReport, firstRow = 1): CftcRow[] {
  const origin = { source: `CFTC TFF ${report === 'F' ? 'futures only' : 'futures and options combined'}`, series: `contract ${code}` };
  if (!Array.isArray(body)) fail(origin, undefined, 'response is not a JSON array of records');
  return body.map((rec: Record<string, unknown>, i) => {
    const row = firstRow + i;
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) fail(origin, row, 'record is not a JSON object');
    const rawDate = rec.report_date_as_yyyy_mm_dd;
    if (typeof rawDate !== 'string') fail(origin, row, 'field "report_date_as_yyyy_mm_dd" is missing');
    const date = rawDate.trim().slice(0, 10);
    if (!isIsoDate(date)) fail(origin, row, `report date "${rawDate}" is not a date`);
    const recordCode = typeof rec.cftc_contract_market_code === 'string' ? rec.cftc_contract_market_code.trim() : rec.cftc_contract_market_code;
    if (recordCode !== code) fail(origin, row, `contract code "${String(rec.cftc_contract_market_code)}" is not the requested ${code}`);
    const values = {} as Record<CftcField, number | null>;
    for (const [field, column] of Object.entries(CFTC_SOCRATA_COLUMNS) as [CftcField, string][]) {
      const raw = rec[column];
      const where = { ...origin, series: cftcSeriesId(code, report, field) };
      if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
        values[field] = null;
        continue;
      }
      if (typeof raw !== 'string') fail(where, row, `field "${column}" is not a string (${JSON.stringify(raw)}) on ${date}`);
      const value = Number(raw.trim());
      if (!Number.isFinite(value)) fail(where, row, `field "${column}" value "${raw}" on ${date} is not a number`);
      values[field] = value;
    }
    const market = typeof rec.market_and_exchange_names === 'string' && rec.market_and_exchange_names.trim() ? rec.market_and_exchange_names.trim() : code;
    return { date, market, values };
  });
}

/** Rows of a whole report → one weekly series per field, checked for duplicated and unordered weeks. */
export function cftcBatches(rows: CftcRow[], code: string, report: CftcReport): SeriesBatch[] {
  const origin = { source: `CFTC TFF ${report === 'F' ? 'futures only' : 'futures and options combined'}`, series: `contract ${code}` };
  rows.forEach((r, i) => {
    const prev = rows[i - 1];
    if (prev && prev.date === r.date) fail(origin, i + 1, `report date ${r.date} appears twice`);
    if (prev && prev.date > r.date) fail(origin, i + 1, `report date ${r.date} comes after ${prev.date}; rows must be in date order`);
  });
  const market = rows[0]?.market ?? `contract ${code}`;
  return (Object.keys(CFTC_FIELDS) as CftcField[]).map((field) => {
    // one record without a field is a missing value; every record without it is a renamed column
    if (rows.length > 1 && rows.every((r) => r.values[field] === null)) {
      fail({ ...origin, series: cftcSeriesId(code, report, field) }, undefined, `no record has field "${CFTC_SOCRATA_COLUMNS[field]}"; the dataset's columns may have changed`);
    }
    const revisions: Revision[] = rows.map((r) => ({ date: r.date, value: r.values[field], realtimeStart: publishedOn(r.date) }));
    return {
      meta: cftcSeriesMeta(code, market, report, field),
      revisions,
      publication: 'rule' as const,
    };
  });
}
