// CFTC Traders in Financial Futures positioning for one trader group.
//   net               = long − short
//   longShare         = long / (long + short)          (fraction in [0, 1]; spreads excluded)
//   pctOfOpenInterest = long / open interest           (fraction; the group's long side as a share of OI)
//   netPctOfOpenInterest = net / open interest         (fraction; negative when net short)
// Shares are fractions, like every relative figure in Tide (0.426 = 42.6 %).
// Non-reportables have no spread column; their spread is null.
import { cftcSeriesId, type CftcField } from '../series/cftc-fields.js';
import type { Columns } from './columns.js';
import { alignMany } from './align.js';
import { IndicatorInputError } from './errors.js';

export type TraderGroup = 'DEALER' | 'ASSET_MANAGER' | 'LEVERAGED_FUNDS' | 'OTHER_REPORTABLES' | 'NON_REPORTABLES';
export type CotReport = 'FUTURES_ONLY' | 'FUTURES_AND_OPTIONS';

/** The CFTC field stem of each group, as used in the series ids `CFTC_{contract}_{F|C}_{STEM}_{LONG|SHORT|SPREAD}`. */
export const GROUP_FIELD: Readonly<Record<TraderGroup, string>> = {
  DEALER: 'DEALER',
  ASSET_MANAGER: 'ASSET_MGR',
  LEVERAGED_FUNDS: 'LEV_MONEY',
  OTHER_REPORTABLES: 'OTHER_REPT',
  NON_REPORTABLES: 'NONREPT',
};

export interface PositioningSeriesIds {
  long: string;
  short: string;
  spread: string | null;
  openInterest: string;
}

/** The series ids a positioning query needs, e.g. CFTC_239742_F_ASSET_MGR_LONG. */
export function positioningSeriesIds(contract: string, group: TraderGroup, report: CotReport = 'FUTURES_ONLY'): PositioningSeriesIds {
  if (!/^[0-9A-Z]+$/.test(contract)) {
    throw new IndicatorInputError('contract', `contract must be a CFTC contract market code such as 239742; got "${contract}".`);
  }
  const id = (field: string) => cftcSeriesId(contract, report === 'FUTURES_ONLY' ? 'F' : 'C', field as CftcField);
  const stem = GROUP_FIELD[group];
  return {
    long: id(`${stem}_LONG`),
    short: id(`${stem}_SHORT`),
    spread: group === 'NON_REPORTABLES' ? null : id(`${stem}_SPREAD`),
    openInterest: id('OPEN_INTEREST'),
  };
}

export interface PositioningInput {
  long: Columns;
  short: Columns;
  /** Absent for non-reportables. */
  spread?: Columns | null;
  openInterest: Columns;
}

export interface PositioningColumns {
  dates: string[];
  long: (number | null)[];
  short: (number | null)[];
  spread: (number | null)[];
  net: (number | null)[];
  longShare: (number | null)[];
  pctOfOpenInterest: (number | null)[];
  netPctOfOpenInterest: (number | null)[];
  openInterest: (number | null)[];
}

/** Report dates present in long, short and open interest (and spread, when given) are kept. */
export function positioning(input: PositioningInput): PositioningColumns {
  const parts = [input.long, input.short, input.openInterest];
  if (input.spread) parts.push(input.spread);
  const { dates, values } = alignMany(parts);
  const [long, short, oi] = values;
  const spread = input.spread ? values[3] : dates.map(() => null);
  const net = dates.map((_, i) => both(long[i], short[i], (l, s) => l - s));
  return {
    dates,
    long,
    short,
    spread,
    net,
    longShare: dates.map((_, i) => both(long[i], short[i], (l, s) => (l + s > 0 ? l / (l + s) : null))),
    pctOfOpenInterest: dates.map((_, i) => both(long[i], oi[i], (l, o) => (o > 0 ? l / o : null))),
    netPctOfOpenInterest: dates.map((_, i) => both(net[i], oi[i], (n, o) => (o > 0 ? n / o : null))),
    openInterest: oi,
  };
}

function both(a: number | null, b: number | null, f: (a: number, b: number) => number | null): number | null {
  return a === null || b === null ? null : f(a, b);
}
