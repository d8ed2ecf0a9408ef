import { fetchJson, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { parseAlphaVantageDaily } from './alphavantage-parser.js';
import { priceDescription, providerSymbol } from './price-symbols.js';

export interface AlphaVantageOptions {
  baseUrl?: string;
  apiKey?: string;
  symbol?: string;
  /** "compact" (default) = the last 100 trading days, enough for a daily run; "full" = 20+ years, premium keys only */
  outputSize?: 'compact' | 'full';
  http?: HttpOptions;
}

export async function fetchAlphaVantageSeries(id: string, opts: AlphaVantageOptions = {}): Promise<SeriesBatch> {
  const apiKey = opts.apiKey ?? process.env.ALPHAVANTAGE_API_KEY;
  if (!apiKey) throw new Error('No Alpha Vantage key: set ALPHAVANTAGE_API_KEY (free at https://www.alphavantage.co/support/#api-key)');
  const symbol = providerSymbol(id, 'alphavantage', opts.symbol);
  const base = (opts.baseUrl ?? (process.env.ALPHAVANTAGE_URL || 'https://www.alphavantage.co')).replace(/\/+$/, '');
  const q = new URLSearchParams({ function: 'TIME_SERIES_DAILY', symbol, outputsize: opts.outputSize ?? 'compact', datatype: 'json', apikey: apiKey });
  const body = await fetchJson(`${base}/query?${q}`, { source: `Alpha Vantage ${symbol}`, series: id }, opts.http);
  // TIME_SERIES_DAILY's "4. close" is as traded; the adjusted series is a premium endpoint
  return { meta: priceDescription(id, 'Alpha Vantage', 'https://www.alphavantage.co', symbol, 'unadjusted'), revisions: parseAlphaVantageDaily(body, id, symbol), publication: 'rule' };
}
