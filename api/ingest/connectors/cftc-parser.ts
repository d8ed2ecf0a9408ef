import type { Revision } from '../../series/types.js';
import { addDays, isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { CFTC_FIELDS, CFTC_PUBLICATION_LAG_DAYS, CFTC_SOCRATA_COLUMNS, cftcSeriesId, cftcSeriesMeta, type CftcField, type CotReportCode } from '../../series/cftc-fields.js';

export type CftcReport = CotReportCode;
export { CFTC_FIELDS, type CftcField };

export interface CftcRow {
  date: string;
  market: string;
  values: Record<CftcField, number>;
}

/** One Socrata page (a JSON array of records whose values are all strings). */
export function parseCftcPage(body: unknown, code: string, report: CftcReport, firstRow = 1): CftcRow[] {
  const origin = { source: `CFTC TFF ${report === 'F' ? 'futures only' : 'futures and options combined'}`, series: `contract ${code}` };
  if (!Array.isArray(body)) fail(origin, undefined, 'response is not a JSON array of records');
  return body.map((rec: Record<string, unknown>, i) => {
    const row = firstRow + i;
    const rawDate = rec.report_date_as_yyyy_mm_dd;
    if (typeof rawDate !== 'string') fail(origin, row, 'field "report_date_as_yyyy_mm_dd" is missing');
    const date = rawDate.slice(0, 10);
    if (!isIsoDate(date)) fail(origin, row, `report date "${rawDate}" is not a date`);
    if (rec.cftc_contract_market_code !== code) fail(origin, row, `contract code "${String(rec.cftc_contract_market_code)}" is not the requested ${code}`);
    const values = {} as Record<CftcField, number>;
    for (const [field, column] of Object.entries(CFTC_SOCRATA_COLUMNS) as [CftcField, string][]) {
      const raw = rec[column];
      if (typeof raw !== 'string') fail({ ...origin, series: cftcSeriesId(code, report, field) }, row, `field "${column}" is ${raw === undefined ? 'missing' : 'not a string'} on ${date}`);
      const value = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(value)) fail({ ...origin, series: cftcSeriesId(code, report, field) }, row, `field "${column}" value "${raw}" on ${date} is not a number`);
      values[field] = value;
    }
    return { date, market: String(rec.market_and_exchange_names ?? code), values };
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
    const revisions: Revision[] = rows.map((r) => ({ date: r.date, value: r.values[field], realtimeStart: addDays(r.date, CFTC_PUBLICATION_LAG_DAYS) }));
    return {
      meta: cftcSeriesMeta(code, market, report, field),
      revisions,
    };
  });
}
