import type { SeriesDescription } from '../types.js';

/** Tide's market price ids and the ticker each provider knows them by. */
export interface PriceSymbol {
  name: string;
  unit: string;
  stooq?: string;
  alphavantage?: string;
}

export const PRICE_SYMBOLS: Record<string, PriceSymbol> = {
  RUT: { name: 'Russell 2000 index, close', unit: 'Index points', stooq: '^rut' },
  IWM: { name: 'iShares Russell 2000 ETF, close', unit: 'USD', stooq: 'iwm.us', alphavantage: 'IWM' },
  QQQ: { name: 'Invesco QQQ Trust (Nasdaq-100 ETF), close', unit: 'USD', stooq: 'qqq.us', alphavantage: 'QQQ' },
  'NQ=F': { name: 'E-mini Nasdaq-100 futures, front month, close', unit: 'Index points', stooq: 'nq.f' },
};

export function priceDescription(id: string, provider: string, url: string, sourceId: string): SeriesDescription {
  const known = PRICE_SYMBOLS[id];
  return {
    id,
    name: known?.name ?? `${id} daily close`,
    unit: known?.unit ?? '',
    frequency: 'DAILY',
    source: { name: provider, url, sourceId },
  };
}

export function providerSymbol(id: string, provider: 'stooq' | 'alphavantage', override?: string): string {
  const symbol = override ?? PRICE_SYMBOLS[id]?.[provider];
  if (!symbol) throw new Error(`No ${provider} ticker known for ${id}; give one in ingest.config.json ("symbol") or with --symbol`);
  return symbol;
}
