// The words each enumerated argument accepts, mapped to the API's enum values. Short forms
// follow what analysts type (D/W/M/Q/A, "pct", "asset manager").

export const FREQUENCIES = {
  DAILY: 'DAILY', D: 'DAILY',
  WEEKLY: 'WEEKLY', W: 'WEEKLY',
  MONTHLY: 'MONTHLY', M: 'MONTHLY',
  QUARTERLY: 'QUARTERLY', Q: 'QUARTERLY',
  ANNUAL: 'ANNUAL', A: 'ANNUAL', Y: 'ANNUAL', YEARLY: 'ANNUAL',
} as const;

export const TRANSFORMS = {
  LEVEL: 'LEVEL',
  CHANGE: 'CHANGE', DIFF: 'CHANGE',
  PCT_CHANGE: 'PCT_CHANGE', PCT: 'PCT_CHANGE',
  LOG_RETURN: 'LOG_RETURN', LOG: 'LOG_RETURN',
  YOY: 'YOY',
  ANNUALIZED: 'ANNUALIZED', ANNUALISED: 'ANNUALIZED',
  REBASE_100: 'REBASE_100', REBASE: 'REBASE_100',
} as const;

/** Which published value of each observation: the latest, or the first print (ALFRED's initial release). */
export const RELEASES = {
  LATEST: 'LATEST', LAST: 'LATEST',
  FIRST: 'FIRST', FIRST_RELEASE: 'FIRST', FIRST_PRINT: 'FIRST', INITIAL: 'FIRST', INITIAL_RELEASE: 'FIRST',
} as const;

export const TRADER_GROUPS = {
  DEALER: 'DEALER',
  ASSET_MANAGER: 'ASSET_MANAGER', ASSET_MGR: 'ASSET_MANAGER',
  LEVERAGED_FUNDS: 'LEVERAGED_FUNDS', LEV_MONEY: 'LEVERAGED_FUNDS',
  OTHER_REPORTABLES: 'OTHER_REPORTABLES', OTHER_REPT: 'OTHER_REPORTABLES',
  NON_REPORTABLES: 'NON_REPORTABLES', NONREPT: 'NON_REPORTABLES',
} as const;

export const COT_REPORTS = {
  FUTURES_ONLY: 'FUTURES_ONLY', FUTURES: 'FUTURES_ONLY', F: 'FUTURES_ONLY',
  FUTURES_AND_OPTIONS: 'FUTURES_AND_OPTIONS', COMBINED: 'FUTURES_AND_OPTIONS', C: 'FUTURES_AND_OPTIONS',
} as const;

/** POSITIONING measures, mapped to the Positioning type's field names. */
export const POSITIONING_MEASURES = {
  LONG_SHARE: 'longShare',
  NET: 'net',
  LONG: 'long',
  SHORT: 'short',
  SPREAD: 'spread',
  PCT_OF_OPEN_INTEREST: 'pctOfOpenInterest', PCT_OF_OI: 'pctOfOpenInterest',
  NET_PCT_OF_OPEN_INTEREST: 'netPctOfOpenInterest', NET_PCT_OF_OI: 'netPctOfOpenInterest',
  OPEN_INTEREST: 'openInterest', OI: 'openInterest',
} as const;

/** CHANGE modes: from the value at start to the value at end, or the extremes in between. Omitted:
 * the relative change (a fraction) for prices, basis points for rates (the API's headline). */
export const CHANGE_MODES = {
  PCT: 'PCT', PERCENT: 'PCT',
  ABS: 'ABS', DIFF: 'ABS',
  LOG: 'LOG',
  MAX_RUNUP: 'MAX_RUNUP', RUNUP: 'MAX_RUNUP',
  MAX_DRAWDOWN: 'MAX_DRAWDOWN', DRAWDOWN: 'MAX_DRAWDOWN',
} as const;

export const INFO_FIELDS = {
  NAME: 'name', UNIT: 'unit', FREQUENCY: 'frequency', NOTES: 'notes',
  SOURCE: 'source', SOURCE_ID: 'sourceId', URL: 'url',
  FIRST_DATE: 'firstDate', LAST_DATE: 'lastDate', LAST_UPDATED: 'lastUpdated',
} as const;
