import { fetchJson, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { cftcBatches, parseCftcPage, type CftcReport, type CftcRow } from './cftc-parser.js';

/** Socrata dataset ids of the Traders in Financial Futures reports on publicreporting.cftc.gov. */
export const CFTC_DATASETS: Record<CftcReport, string> = { F: 'gpe5-46if', C: 'yw9f-hn96' };

export interface CftcOptions {
  baseUrl?: string;
  pageSize?: number;
  appToken?: string;
  http?: HttpOptions;
}

export function cftcBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.CFTC_API_URL || 'https://publicreporting.cftc.gov').replace(/\/+$/, '');
}

/** Every weekly row for a contract, paged with $limit/$offset in a stable order. */
export async function fetchCftcRows(code: string, report: CftcReport, opts: CftcOptions = {}): Promise<CftcRow[]> {
  if (!/^[0-9A-Z]{6}$/.test(code)) throw new Error(`CFTC contract code "${code}" must be the 6-character CFTC_Contract_Market_Code, e.g. 239742`);
  const base = (opts.baseUrl ?? cftcBaseUrl()).replace(/\/+$/, '');
  const pageSize = opts.pageSize ?? 1000;
  const headers = { ...(opts.http?.headers ?? {}), ...(opts.appToken ? { 'X-App-Token': opts.appToken } : {}) };
  const rows: CftcRow[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const q = new URLSearchParams({
      $where: `cftc_contract_market_code='${code}'`,
      $order: 'report_date_as_yyyy_mm_dd,id',
      $limit: String(pageSize),
      $offset: String(offset),
    });
    const url = `${base}/resource/${CFTC_DATASETS[report]}.json?${q}`;
    const body = await fetchJson(url, { source: `CFTC TFF ${CFTC_DATASETS[report]}`, series: `contract ${code}` }, { ...opts.http, headers });
    const page = parseCftcPage(body, code, report, offset + 1);
    rows.push(...page);
    if (page.length < pageSize) break;
  }
  return rows;
}

export async function fetchCftcSeries(code: string, reports: CftcReport[], opts: CftcOptions = {}): Promise<SeriesBatch[]> {
  const out: SeriesBatch[] = [];
  for (const report of reports) {
    const rows = await fetchCftcRows(code, report, opts);
    if (rows.length === 0) throw new Error(`CFTC TFF ${CFTC_DATASETS[report]}: no rows for contract ${code}; check the code`);
    out.push(...cftcBatches(rows, code, report));
  }
  return out;
}
