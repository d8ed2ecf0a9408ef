// The one place every TIDE.* data function turns its `asOf` argument into a date. A cell's own
// asOf wins; an omitted one falls back to the workbook's default, if one has been set (a workbook
// pinned to a date), and otherwise means "latest values". Keeping this in one function is what lets
// a workbook-level default apply to every function at once.
import { optionalDate } from './args.js';
import { ArgumentError } from './errors.js';

/** Where the workbook-wide asOf comes from; returns ISO text or undefined for "none". */
export type WorkbookAsOf = () => string | undefined;

// Kept on the page's global object, not in this module: functions.js and taskpane.js are separate
// bundles sharing one page (the shared runtime), each with its own copy of this module, and a default
// set from the task pane must reach the functions.
declare global {
  var tideWorkbookAsOf: WorkbookAsOf | undefined;
}

/** Sets (or, with undefined, clears) the source of the workbook-wide default asOf. */
export function setWorkbookAsOf(source: WorkbookAsOf | undefined): void {
  globalThis.tideWorkbookAsOf = source;
}

/** The asOf a function uses: its own argument (checked like any date), else the workbook default. */
export function resolveAsOf(argument: unknown): string | undefined {
  return optionalDate('asOf', argument) ?? globalThis.tideWorkbookAsOf?.();
}

/**
 * A range that starts after asOf holds nothing that was known on asOf; say so rather than return
 * an empty result that looks like missing data. An end after asOf is fine: values stop at asOf.
 */
export function checkStartNotAfterAsOf(start: string | undefined, asOf: string | undefined): void {
  if (start && asOf && start > asOf) {
    throw new ArgumentError('start', `${start} is after asOf ${asOf}; nothing from that date on was published by then`);
  }
}
