// The TIDE.* custom functions as Excel sees them. functions.json is generated from these JSDoc
// comments (custom-functions-metadata), so they are the one description of each function.
import { fetchField } from '../client/runtime.js';
import { infoCell, searchMatrix } from './catalog-functions.js';
import { asExcelResult } from './excel-errors.js';
import { pairMatrix, relVolMatrix, surpriseMatrix, volMatrix } from './indicator-functions.js';
import { cutProbMatrix, positioningMatrix, ratePathMatrix } from './market-functions.js';
import { changeNumber } from './change.js';
import { revisionsMatrix } from './revisions-functions.js';
import { seriesMatrix, valueNumber } from './series-functions.js';

// One argument order across the data functions: ids, window, start, end, frequency, then options,
// asOf, headers (each only where it applies). Every asOf goes through resolveAsOf, so a workbook-wide
// default reaches all of them. Results in fractions or bp carry a percent or bp number format where
// Excel has data types (number-formats.ts); the value under it is the number.
// Parameter types mirror the JSDoc (the metadata generator insists), but Excel may still pass
// null for an omitted argument; the parsers behind each body accept anything.

/**
 * Observations of a series as a dated array: Excel date serials in the first column, values in the second.
 * @customfunction SERIES
 * @param {string} id Series id, e.g. "RUT", "DGS2", "CPIAUCSL".
 * @param {any} [start] First date (date cell, serial or "YYYY-MM-DD"); default: the first observation.
 * @param {any} [end] Last date; default: the latest observation.
 * @param {string} [frequency] DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL (D/W/M/Q/A); default: the series' own.
 * @param {string} [options] A transform (LEVEL, CHANGE, PCT_CHANGE, LOG_RETURN, YOY, ANNUALIZED, REBASE_100) and/or a release (LATEST, FIRST = as first printed), e.g. "YOY, FIRST"; default LEVEL, LATEST.
 * @param {any} [asOf] Only values published by this date (first prints, vintages); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row; default FALSE.
 * @returns {Promise<any[][]>} Dates and values.
 */
export function series(id: string, start?: any, end?: any, frequency?: string, options?: string, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => seriesMatrix(fetchField, id, start, end, frequency, options, asOf, headers));
}

/**
 * Every published value of one observation, oldest first: publication dates (Excel serials) and values.
 * @customfunction REVISIONS
 * @param {string} id Series id, e.g. "CPIAUCSL".
 * @param {any} date Date of the observation (a month or quarter is dated its first day, e.g. "2024-06-01").
 * @param {any} [asOf] Only values published by this date; default: the workbook's asOf, else every value published so far.
 * @param {boolean} [headers] TRUE adds a header row; default FALSE.
 * @returns {Promise<any[][]>} Publication dates and values.
 */
export function revisions(id: string, date: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => revisionsMatrix(fetchField, id, date, asOf, headers));
}

/**
 * One value of a series: on a date (or the last one before it), or the latest.
 * @customfunction VALUE
 * @param {string} id Series id.
 * @param {any} [date] Date of the value; default: the latest value.
 * @param {any} [asOf] Only values published by this date; default: the workbook's asOf, else latest values.
 * @returns {Promise<number>} The value.
 */
export function value(id: string, date?: any, asOf?: any): Promise<number> {
  return asExcelResult(() => valueNumber(fetchField, id, date, asOf));
}

/**
 * Change of a series from a start date to an end date: by default a fraction (0.1154, shown as 11.54 %) for prices and basis points for rates; PCT a fraction, ABS the difference, LOG the log change; or the largest run-up or drawdown (fractions) in between.
 * @customfunction CHANGE
 * @param {string} id Series id.
 * @param {any} start Start date; the base is the last value on or before it.
 * @param {any} [end] End date; default: the latest value.
 * @param {string} [mode] PCT (default for prices), ABS, LOG, MAX_RUNUP or MAX_DRAWDOWN; a rate's default is its change in bp.
 * @param {any} [asOf] Only what had been published by this date (an end after it reads the value as known on asOf); default: the workbook's asOf, else latest values.
 * @returns {Promise<any>} The change (a number; shown as % or bp where Excel has data types).
 */
export function change(id: string, start: any, end?: any, mode?: string, asOf?: any): Promise<any> {
  return asExcelResult(() => changeNumber(fetchField, id, start, end, mode, asOf));
}

/**
 * Rolling correlation of two series' changes (returns of prices, bp changes of rates), on the dates both have a value for.
 * @customfunction CORR
 * @param {string} a First series id.
 * @param {string} b Second series id.
 * @param {number} window Observations in each rolling window.
 * @param {any} [start] First date; default: all.
 * @param {any} [end] Last date; default: all.
 * @param {string} [frequency] Frequency of the returns; default: the series' own.
 * @param {any} [options] min=N: the fewest valid observations a window needs to have a value (2 to the window); default: the whole window. E.g. "min=200", or the number.
 * @param {any} [asOf] Only what had been published by this date (no look-ahead); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Dates and correlations.
 */
export function corr(a: string, b: string, window: number, start?: any, end?: any, frequency?: string, options?: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => pairMatrix(fetchField, 'CORRELATION', a, b, window, start, end, frequency, options, asOf, headers));
}

/**
 * Rolling beta of one series' changes on another's (returns of prices, bp changes of rates).
 * @customfunction BETA
 * @param {string} a Series id whose beta is measured.
 * @param {string} b Benchmark series id.
 * @param {number} window Observations in each rolling window.
 * @param {any} [start] First date.
 * @param {any} [end] Last date.
 * @param {string} [frequency] Frequency of the returns.
 * @param {any} [options] min=N: the fewest valid observations a window needs to have a value (2 to the window); default: the whole window. E.g. "min=200", or the number.
 * @param {any} [asOf] Only what had been published by this date (no look-ahead); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Dates and betas.
 */
export function beta(a: string, b: string, window: number, start?: any, end?: any, frequency?: string, options?: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => pairMatrix(fetchField, 'BETA', a, b, window, start, end, frequency, options, asOf, headers));
}

/**
 * Rolling annualised volatility: of log returns for a price (a fraction, shown as %), of changes in basis points for a rate; holidays are skipped.
 * @customfunction VOL
 * @param {string} id Series id.
 * @param {number} window Observations in each rolling window.
 * @param {any} [start] First date.
 * @param {any} [end] Last date.
 * @param {string} [frequency] Frequency of the returns.
 * @param {any} [options] min=N: the fewest valid observations a window needs to have a value (2 to the window); default: the whole window. E.g. "min=200", or the number.
 * @param {any} [asOf] Only what had been published by this date (no look-ahead); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Dates and volatilities.
 */
export function vol(id: string, window: number, start?: any, end?: any, frequency?: string, options?: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => volMatrix(fetchField, id, window, start, end, frequency, options, asOf, headers));
}

/**
 * Relative volatility of two series: rolling volatility of a's log returns over b's (two prices, or two rates).
 * @customfunction RELVOL
 * @param {string} a Series id, e.g. "RUT".
 * @param {string} b Benchmark series id, e.g. "NASDAQCOM".
 * @param {number} window Returns in each rolling window.
 * @param {any} [start] First date.
 * @param {any} [end] Last date.
 * @param {string} [frequency] Frequency of the returns; default WEEKLY.
 * @param {any} [options] min=N: the fewest valid observations a window needs to have a value (2 to the window); default: the whole window. E.g. "min=200", or the number.
 * @param {any} [asOf] Only what had been published by this date (no look-ahead); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Dates and volatility ratios.
 */
export function relvol(a: string, b: string, window: number, start?: any, end?: any, frequency?: string, options?: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => relVolMatrix(fetchField, a, b, window, start, end, frequency, options, asOf, headers));
}

/**
 * CFTC positioning of one trader group in a futures contract, per weekly report.
 * @customfunction POSITIONING
 * @param {string} contract CFTC contract code, e.g. "239742" (Russell 2000 E-mini).
 * @param {string} group DEALER, ASSET_MANAGER, LEVERAGED_FUNDS, OTHER_REPORTABLES or NON_REPORTABLES.
 * @param {any} [start] First report date.
 * @param {any} [end] Last report date.
 * @param {string} [measure] LONG_SHARE (default), NET, LONG, SHORT, SPREAD, PCT_OF_OPEN_INTEREST or OPEN_INTEREST.
 * @param {string} [report] FUTURES_ONLY (default) or FUTURES_AND_OPTIONS.
 * @param {any} [asOf] Only reports published by this date (a Tuesday's report is out on the Friday); default: the workbook's asOf, else all.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Report dates and the measure.
 */
export function positioning(contract: string, group: string, start?: any, end?: any, measure?: string, report?: string, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => positioningMatrix(fetchField, contract, group, start, end, measure, report, asOf, headers));
}

/**
 * Surprise of a release: actual minus consensus, per release date.
 * @customfunction SURPRISE
 * @param {string} actual Series id of the released values.
 * @param {string} consensus Series id of the expected values.
 * @param {any} [start] First date.
 * @param {any} [end] Last date.
 * @param {any} [asOf] Only what had been published by this date (first prints, not later revisions); default: the workbook's asOf, else latest values.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Dates and surprises.
 */
export function surprise(actual: string, consensus: string, start?: any, end?: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => surpriseMatrix(fetchField, actual, consensus, start, end, asOf, headers));
}

/**
 * Market-implied probabilities of each target-range outcome at an FOMC meeting, from fed funds futures.
 * @customfunction CUTPROB
 * @param {any} meeting Date of the FOMC meeting.
 * @param {any} [asOf] Futures prices as of this date; default: the workbook's asOf, else today.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Lower bound, upper bound, change in bp and probability of each outcome.
 */
export function cutprob(meeting: any, asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => cutProbMatrix(fetchField, meeting, asOf, headers));
}

/**
 * The expected policy-rate path from fed funds futures: each upcoming FOMC meeting they price.
 * @customfunction RATEPATH
 * @param {any} [asOf] Futures prices as of this date; default: the workbook's asOf, else today.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Meeting date, expected target-range midpoint after it (%), expected change there (bp), and the chances of a cut, a hold and a hike.
 */
export function ratepath(asOf?: any, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => ratePathMatrix(fetchField, asOf, headers));
}

/**
 * Series in the catalog matching every word of the text.
 * @customfunction SEARCH
 * @param {string} [text] Words to match in id, name, unit, source or notes; default: the whole catalog.
 * @param {boolean} [headers] TRUE adds a header row.
 * @returns {Promise<any[][]>} Id, name, unit, frequency, source, first date and last date of each match.
 */
export function search(text?: string, headers?: boolean): Promise<any[][]> {
  return asExcelResult(() => searchMatrix(fetchField, text, headers));
}

/**
 * One fact about a series from the catalog.
 * @customfunction INFO
 * @param {string} id Series id.
 * @param {string} field NAME, UNIT, FREQUENCY, NOTES, SOURCE, SOURCE_ID, URL, FIRST_DATE, LAST_DATE or LAST_UPDATED.
 * @returns {Promise<any>} The fact; dates as date serials.
 */
export function info(id: string, field: string): Promise<any> {
  return asExcelResult(() => infoCell(fetchField, id, field));
}
