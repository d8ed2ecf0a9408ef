// One definition of the CFTC Traders in Financial Futures fields Tide stores, and of their series ids.

export type CotReportCode = 'F' | 'C'; // futures only | futures and options combined

/** Tide field name → the column name in CFTC's TFF files (Socrata uses the same names in lower case). */
export const CFTC_FIELDS = {
  OPEN_INTEREST: 'Open_Interest_All',
  DEALER_LONG: 'Dealer_Positions_Long_All',
  DEALER_SHORT: 'Dealer_Positions_Short_All',
  DEALER_SPREAD: 'Dealer_Positions_Spread_All',
  ASSET_MGR_LONG: 'Asset_Mgr_Positions_Long_All',
  ASSET_MGR_SHORT: 'Asset_Mgr_Positions_Short_All',
  ASSET_MGR_SPREAD: 'Asset_Mgr_Positions_Spread_All',
  LEV_MONEY_LONG: 'Lev_Money_Positions_Long_All',
  LEV_MONEY_SHORT: 'Lev_Money_Positions_Short_All',
  LEV_MONEY_SPREAD: 'Lev_Money_Positions_Spread_All',
  OTHER_REPT_LONG: 'Other_Rept_Positions_Long_All',
  OTHER_REPT_SHORT: 'Other_Rept_Positions_Short_All',
  OTHER_REPT_SPREAD: 'Other_Rept_Positions_Spread_All',
  NONREPT_LONG: 'NonRept_Positions_Long_All',
  NONREPT_SHORT: 'NonRept_Positions_Short_All',
} as const;

export type CftcField = keyof typeof CFTC_FIELDS;

/**
 * The same fields in the CFTC's public reporting API (Socrata TFF datasets), which lower-cases the
 * names and drops the `_all` suffix on the asset-manager, leveraged-money and other-reportables columns.
 */
export const CFTC_SOCRATA_COLUMNS: Record<CftcField, string> = {
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
};

export const cftcSeriesId = (contract: string, report: CotReportCode, field: CftcField): string => `CFTC_${contract}_${report}_${field}`;

const CFTC_ID = /^CFTC_([0-9A-Z]+)_([FC])_([A-Z_]+)$/;

/** The parts of a CFTC field series id, or null when `id` is not one (the inverse of cftcSeriesId). */
export function parseCftcSeriesId(id: string): { contract: string; report: CotReportCode; field: CftcField } | null {
  const m = CFTC_ID.exec(id);
  if (!m || !(m[3] in CFTC_FIELDS)) return null;
  return { contract: m[1], report: m[2] as CotReportCode, field: m[3] as CftcField };
}

const REPORT_NAMES: Record<CotReportCode, string> = { F: 'futures only', C: 'futures and options combined' };

export function cftcFieldLabel(field: CftcField): string {
  return field
    .toLowerCase()
    .replace('asset_mgr', 'asset manager')
    .replace('lev_money', 'leveraged funds')
    .replace('other_rept', 'other reportables')
    .replace('nonrept', 'non-reportables')
    .replace(/_/g, ' ');
}

export const cftcReportName = (report: CotReportCode): string => REPORT_NAMES[report];

/** The metadata of one field's series, the same whether it came from the bundled files or the CFTC's API. */
export function cftcSeriesMeta(contract: string, market: string, report: CotReportCode, field: CftcField) {
  return {
    id: cftcSeriesId(contract, report, field),
    name: `${market}: ${cftcFieldLabel(field)} (${cftcReportName(report)})`,
    unit: 'Contracts',
    frequency: 'WEEKLY' as const,
    source: { name: 'CFTC', url: 'https://www.cftc.gov/MarketReports/CommitmentsofTraders/index.htm', sourceId: `${contract} ${CFTC_FIELDS[field]}` },
    notes: 'Traders in Financial Futures, weekly as of Tuesday; published the following Friday, the date used as its realtime start.',
  };
}
