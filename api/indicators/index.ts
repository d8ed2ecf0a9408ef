// The indicator library's public surface, for the GraphQL resolvers.
export { IndicatorInputError, type IndicatorErrorCode } from './errors.js';
export { align, alignMany, type Aligned, type AlignOptions } from './align.js';
export { change, lastOnOrBefore, type ChangeResult, type Observed } from './change.js';
export { maxRunup, maxDrawdown, type Excursion } from './runup.js';
export { simpleReturns, logReturns, differences } from './returns.js';
export { rollingMean, rollingStd, rollingVolatility, rollingCorrelation, rollingCorrelationTyped, rollingBeta, rollingZScore, rollingStdRatio } from './rolling.js';
export { rollingPercentileRank } from './rolling-percentile.js';
export { relativeVolatility } from './relative-vol.js';
export { PERIODS_PER_YEAR, annualisationFactor } from './frequency.js';
export { positioning, positioningSeriesIds, GROUP_FIELD, type TraderGroup, type CotReport, type PositioningInput, type PositioningColumns, type PositioningSeriesIds } from './positioning.js';
export { surprise } from './surprise.js';
export { cutProbabilities, type DayCount, type FedWatchInput, type FedWatchResult, type MeetingStep, type RateOutcome } from './fedwatch.js';
export { contractMonths, DEFAULT_DAY_COUNT } from './fedwatch-levels.js';
export { ratePath, meetingOdds, type RatePathMeeting, type RatePathResult } from './rate-path.js';
export { fedFundsContract, contractMonth, monthOf, addMonths, daysInMonth, impliedRate } from './fed-funds-contracts.js';
export { fomcMeetings, fomcDecisionDates, requireMeeting, parseFomcCalendar, type FomcMeeting } from './fomc-calendar.js';
