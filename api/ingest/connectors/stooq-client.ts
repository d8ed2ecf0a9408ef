import { fetchText, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { historyIsAdjusted, priceDescription, providerSymbol } from './price-symbols.js';
import { parseStooqCsv } from './stooq-parser.js';

export function stooqBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.STOOQ_URL || 'https://stooq.com/q/d/l/';
}

/** Daily closes from Stooq's CSV download (no key needed). */
export async function fetchStooqSeries(id: string, opts: { baseUrl?: string; symbol?: string; http?: HttpOptions } = {}): Promise<SeriesBatch> {
  const symbol = providerSymbol(id, 'stooq', opts.symbol);
  const url = `${opts.baseUrl ?? stooqBaseUrl()}?${new URLSearchParams({ s: symbol, i: 'd' })}`;
  const text = await fetchText(url, { source: `Stooq ${symbol}`, series: id }, opts.http);
  return {
    meta: priceDescription(id, 'Stooq', 'https://stooq.com', symbol, 'adjusted'),
    revisions: parseStooqCsv(text, id, symbol),
    publication: historyIsAdjusted(id, 'adjusted') ? 'fetched' : 'rule',
  };
}
