// The words each enumerated argument accepts. The API's own values come from schema.graphql (generated
// enums, spread in whole, so a value added to the schema is accepted at once); the short forms beside
// them follow what analysts type (D/W/M/Q/A, "pct", "asset manager").
import { CotReport, Frequency, IndicatorName, Release, TraderGroup, Transform } from '../generated/enums.js';
import type { PositioningQuery, SeriesInfoQuery } from '../generated/operations.js';

export const FREQUENCIES = {
  ...Frequency,
  D: Frequency.DAILY,
  W: Frequency.WEEKLY,
  M: Frequency.MONTHLY,
  Q: Frequency.QUARTERLY,
  A: Frequency.ANNUAL,
  Y: Frequency.ANNUAL,
  YEARLY: Frequency.ANNUAL,
} as const;

export const TRANSFORMS = {
  ...Transform,
  DIFF: Transform.CHANGE,
  PCT: Transform.PCT_CHANGE,
  LOG: Transform.LOG_RETURN,
  ANNUALISED: Transform.ANNUALIZED,
  REBASE: Transform.REBASE_100,
} as const;

/** Which published value of each observation: the latest, or the first print (ALFRED's initial release). */
// Written out (each alias beside its value, the order messages list them in); `satisfies` makes a
// release added to the schema fail to compile until it is listed here.
export const RELEASES = {
  LATEST: Release.LATEST,
  LAST: Release.LATEST,
  FIRST: Release.FIRST,
  FIRST_RELEASE: Release.FIRST,
  FIRST_PRINT: Release.FIRST,
  INITIAL: Release.FIRST,
  INITIAL_RELEASE: Release.FIRST,
} as const satisfies Record<Release, Release> & Record<string, Release>;

export const TRADER_GROUPS = {
  ...TraderGroup,
  ASSET_MGR: TraderGroup.ASSET_MANAGER,
  LEV_MONEY: TraderGroup.LEVERAGED_FUNDS,
  OTHER_REPT: TraderGroup.OTHER_REPORTABLES,
  NONREPT: TraderGroup.NON_REPORTABLES,
} as const;

export const COT_REPORTS = {
  ...CotReport,
  FUTURES: CotReport.FUTURES_ONLY,
  F: CotReport.FUTURES_ONLY,
  COMBINED: CotReport.FUTURES_AND_OPTIONS,
  C: CotReport.FUTURES_AND_OPTIONS,
} as const;

type PositioningMeasure = Exclude<keyof NonNullable<PositioningQuery['positioning']>, 'dates'>;

/** POSITIONING measures, mapped to the Positioning type's field names. */
export const POSITIONING_MEASURES = {
  LONG_SHARE: 'longShare',
  NET: 'net',
  LONG: 'long',
  SHORT: 'short',
  SPREAD: 'spread',
  PCT_OF_OPEN_INTEREST: 'pctOfOpenInterest',
  PCT_OF_OI: 'pctOfOpenInterest',
  NET_PCT_OF_OPEN_INTEREST: 'netPctOfOpenInterest',
  NET_PCT_OF_OI: 'netPctOfOpenInterest',
  OPEN_INTEREST: 'openInterest',
  OI: 'openInterest',
} as const satisfies Record<string, PositioningMeasure>;

/** CHANGE modes: from the value at start to the value at end, or the extremes in between. Omitted:
 * the relative change (a fraction) for prices, basis points for rates (the API's headline). */
export const CHANGE_MODES = {
  PCT: 'PCT',
  PERCENT: 'PCT',
  ABS: 'ABS',
  DIFF: 'ABS',
  LOG: 'LOG',
  MAX_RUNUP: IndicatorName.MAX_RUNUP,
  RUNUP: IndicatorName.MAX_RUNUP,
  MAX_DRAWDOWN: IndicatorName.MAX_DRAWDOWN,
  DRAWDOWN: IndicatorName.MAX_DRAWDOWN,
} as const;

// `source` shows the publisher's name; `sourceId` and `url` are the source's other fields.
type SeriesField = Exclude<keyof NonNullable<SeriesInfoQuery['series']>, 'id'> | Exclude<keyof NonNullable<SeriesInfoQuery['series']>['source'], 'name'>;

/** INFO fields, mapped to the Series type's field names (and its source's). */
export const INFO_FIELDS = {
  NAME: 'name',
  UNIT: 'unit',
  FREQUENCY: 'frequency',
  NOTES: 'notes',
  SOURCE: 'source',
  SOURCE_ID: 'sourceId',
  URL: 'url',
  FIRST_DATE: 'firstDate',
  LAST_DATE: 'lastDate',
  LAST_UPDATED: 'lastUpdated',
} as const satisfies Record<string, SeriesField>;
