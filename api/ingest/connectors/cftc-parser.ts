import type { Revision } from '../../series/types.js';
import { addDays, isIsoDate } from '../dates.js';
import { fail } from '../errors.js';
import type { SeriesBatch } from '../types.js';

export type CftcReport = 'F' | 'C';

/**
 * Tide's positioning fields and the Socrata column of the TFF datasets that holds each. The
 * dataset drops the `_all` suffix on some columns; the names below are the dataset's own.
 */
export const CFTC_FIELDS = {
  OPEN_INTEREST: 'open_interest_all',
  DEALER_LONG: 'dealer_positions_long_all',
  DEALER_SHORT: 'dealer_positions_short_all',
  DEALER_SPREAD: 'dealer_positions_spread_all',
  ASSET_MGR_LONG: 'asset_mgr_positions_long',
  ASSET_MGR_SHORT: 'asset_mgr_positions_short',
  ASSET_MGR_SPREAD: 'asset_mgr_positions_spread',
  LEV_MONEY_LONG: 'lev_money_positions_long',
  LEV_MONEY_SHORT: 'lev_money_positions_short',
  LEV_MONEY_SPREAD: 'lev_money_positions_spread',
  OTHER_REPT_LONG: 'other_rept_positions_long',
  OTHER_REPT_SHORT: 'other_rept_positions_short',
  OTHER_REPT_SPREAD: 'other_rept_positions_spread',
  NONREPT_LONG: 'nonrept_positions_long_all',
  NONREPT_SHORT: 'nonrept_positions_short_all',
} as const;
export type CftcField = keyof typeof CFTC_FIELDS;

/** A report is as of Tuesday and published the following Friday. */
export const CFTC_PUBLICATION_LAG_DAYS = 3;

export interface CftcRow {
  date: string;
  market: string;
  values: Record<CftcField, number>;
}

export const cftcSeriesId = (code: string, report: CftcReport, field: CftcField) => `CFTC_${code}_${report}_${field}`;

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
    for (const [field, column] of Object.entries(CFTC_FIELDS) as [CftcField, string][]) {
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
  const reportName = report === 'F' ? 'futures only' : 'futures and options combined';
  return (Object.keys(CFTC_FIELDS) as CftcField[]).map((field) => {
    const revisions: Revision[] = rows.map((r) => ({ date: r.date, value: r.values[field], realtimeStart: addDays(r.date, CFTC_PUBLICATION_LAG_DAYS) }));
    const id = cftcSeriesId(code, report, field);
    return {
      meta: {
        id,
        name: `${market}, TFF ${reportName}: ${field.toLowerCase().replace(/_/g, ' ')}`,
        unit: 'Contracts',
        frequency: 'WEEKLY',
        source: { name: 'CFTC Commitments of Traders, Traders in Financial Futures', url: 'https://publicreporting.cftc.gov', sourceId: `${code}/${CFTC_FIELDS[field]}` },
        notes: 'Positions as of Tuesday, published the following Friday (realtimeStart = date + 3 days).',
      },
      revisions,
    };
  });
}
