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

/** The report's as-of date is a Tuesday; CFTC publishes it the following Friday. */
export const CFTC_PUBLICATION_LAG_DAYS = 3;

export const cftcSeriesId = (contract: string, report: CotReportCode, field: CftcField): string =>
  `CFTC_${contract}_${report}_${field}`;

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
