import type { SeriesDescription } from '../types.js';
import type { TradingCalendar } from '../../series/trading-calendar.js';

/** Tide's market price ids and the ticker each provider knows them by. */
export interface PriceSymbol {
  name: string;
  unit: string;
  /** dividends only change the history of a fund's or a stock's price, never of an index or a future */
  kind: 'index' | 'fund' | 'stock' | 'future';
  stooq?: string;
  alphavantage?: string;
  /** The exchange calendar its closes follow, so its periods end on their last session (futures have their own). */
  calendar?: TradingCalendar;
}

export const PRICE_SYMBOLS: Record<string, PriceSymbol> = {
  RUT: { name: 'Russell 2000 index, close', unit: 'Index points', kind: 'index', stooq: '^rut', calendar: 'XNYS' },
  IWM: { name: 'iShares Russell 2000 ETF, close', unit: 'USD', kind: 'fund', stooq: 'iwm.us', alphavantage: 'IWM', calendar: 'XNYS' },
  QQQ: { name: 'Invesco QQQ Trust (Nasdaq-100 ETF), close', unit: 'USD', kind: 'fund', stooq: 'qqq.us', alphavantage: 'QQQ', calendar: 'XNYS' },
  'NQ=F': { name: 'E-mini Nasdaq-100 futures, front month, close', unit: 'Index points', kind: 'future', stooq: 'nq.f' },
  SPY: { name: 'SPDR S&P 500 ETF Trust, close', unit: 'USD', kind: 'fund', stooq: 'spy.us', alphavantage: 'SPY', calendar: 'XNYS' },
  RSP: { name: 'Invesco S&P 500 Equal Weight ETF, close', unit: 'USD', kind: 'fund', stooq: 'rsp.us', alphavantage: 'RSP', calendar: 'XNYS' },
  AAPL: { name: 'Apple Inc., close', unit: 'USD', kind: 'stock', stooq: 'aapl.us', alphavantage: 'AAPL', calendar: 'XNYS' },
  MSFT: { name: 'Microsoft Corporation, close', unit: 'USD', kind: 'stock', stooq: 'msft.us', alphavantage: 'MSFT', calendar: 'XNYS' },
  NVDA: { name: 'NVIDIA Corporation, close', unit: 'USD', kind: 'stock', stooq: 'nvda.us', alphavantage: 'NVDA', calendar: 'XNYS' },
  AMZN: { name: 'Amazon.com, Inc., close', unit: 'USD', kind: 'stock', stooq: 'amzn.us', alphavantage: 'AMZN', calendar: 'XNYS' },
  GOOGL: { name: 'Alphabet Inc. Class A, close', unit: 'USD', kind: 'stock', stooq: 'googl.us', alphavantage: 'GOOGL', calendar: 'XNYS' },
  META: { name: 'Meta Platforms, Inc. Class A, close', unit: 'USD', kind: 'stock', stooq: 'meta.us', alphavantage: 'META', calendar: 'XNYS' },
  TSLA: { name: 'Tesla, Inc., close', unit: 'USD', kind: 'stock', stooq: 'tsla.us', alphavantage: 'TSLA', calendar: 'XNYS' },
};

/** How a provider's closes relate to the prices traded on the day. */
export type PriceAdjustment = 'adjusted' | 'unadjusted';

const ADJUSTMENT_NOTES: Record<PriceAdjustment, string> = {
  adjusted:
    "Adjusted closes: the provider rescales past prices for splits and dividends, so a fund's history changes after every distribution. Tide dates the closes of a first ingest the day they were fetched (an older close fetched today already carries every later dividend), keeps each later change as a revision published on the day it was ingested (a rescale of the whole history as one record), and asOf returns the closes as they were known then.",
  unadjusted: 'Unadjusted closes, as traded on the day (no split or dividend adjustment).',
};

/** True when the provider's past closes of `id` can change after the fact: adjusted closes of anything but an index or a future. */
export function historyIsAdjusted(id: string, adjustment: PriceAdjustment): boolean {
  const kind = PRICE_SYMBOLS[id]?.kind;
  return adjustment === 'adjusted' && kind !== 'index' && kind !== 'future';
}

/** The description of a price series, saying whether its closes are adjusted. */
export function priceDescription(id: string, provider: string, url: string, sourceId: string, adjustment: PriceAdjustment): SeriesDescription {
  const known = PRICE_SYMBOLS[id];
  const notApplicable = known && (known.kind === 'index' || known.kind === 'future') && adjustment === 'adjusted';
  return {
    id,
    name: known?.name ?? `${id} daily close`,
    unit: known?.unit ?? '',
    frequency: 'DAILY',
    ...(known?.calendar ? { calendar: known.calendar } : {}),
    source: { name: provider, url, sourceId },
    notes: `Daily close from ${provider} (${sourceId}). ${notApplicable ? `The provider's histories are adjusted for splits and dividends; an ${known.kind} pays none, so its closes are as published.` : ADJUSTMENT_NOTES[adjustment]}`,
  };
}

export function providerSymbol(id: string, provider: 'stooq' | 'alphavantage', override?: string): string {
  const symbol = override ?? PRICE_SYMBOLS[id]?.[provider];
  if (!symbol) throw new Error(`No ${provider} ticker known for ${id}; give one in ingest.config.json ("symbol") or with --symbol`);
  return symbol;
}
