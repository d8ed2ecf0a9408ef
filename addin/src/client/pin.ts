// The workbook's pin: the date every TIDE function without its own asOf answers for. It is kept in
// the workbook's document settings, so it travels with the file; this module holds the copy in
// effect in the running add-in.
import { isoToUtc } from '../shared/dates.js';

/** The document setting that holds the pin (an ISO date), or nothing when the workbook is live. */
export const PIN_SETTING = 'tide.asOf';

/** The part of Office.context.document.settings the pin uses (Office's own signatures). */
export interface DocumentSettings extends Pick<Office.Settings, 'get' | 'set' | 'remove'> {
  saveAsync(callback?: (result: Pick<Office.AsyncResult<void>, 'status' | 'error'>) => void): void;
}
// Office's settings object fits that shape.
const settingsFit: Office.Settings extends DocumentSettings ? true : never = true;
void settingsFit;

let pin: string | undefined;

export function workbookPin(): string | undefined {
  return pin;
}

/** Sets the pin in effect in this runtime (not in the document: see savePin). */
export function setWorkbookPin(next: string | undefined): void {
  pin = next === undefined || next === '' ? undefined : checkPin(next);
}

/** A pin must be a real calendar date; anything else in the settings is ignored, not obeyed. */
export function checkPin(value: unknown): string {
  if (typeof value !== 'string' || isoToUtc(value) === undefined) {
    throw new RangeError(`the pin must be a date in YYYY-MM-DD form, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** The open document when the add-in runs inside Office. */
export function officeDocument(): Office.Document | undefined {
  return typeof Office !== 'undefined' ? Office.context?.document : undefined;
}

/** The document's settings when the add-in runs inside Office. */
export function documentSettings(): DocumentSettings | undefined {
  return officeDocument()?.settings;
}

/** The pin saved in the document, if any and if it is a date. */
export function readPin(settings: DocumentSettings | undefined = documentSettings()): string | undefined {
  const value = settings?.get(PIN_SETTING);
  if (value === null || value === undefined || value === '') return undefined;
  try {
    return checkPin(value);
  } catch {
    return undefined;
  }
}

/** Writes the pin into the document (or removes it) and saves the settings with the file. */
export function savePin(settings: DocumentSettings, next: string | undefined): Promise<void> {
  if (next === undefined) settings.remove(PIN_SETTING);
  else settings.set(PIN_SETTING, checkPin(next));
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) =>
      String(result.status) === 'failed' // Office.AsyncResultStatus.Failed's value
        ? reject(new Error(`the pin was not saved in the workbook: ${result.error?.message ?? 'unknown error'}`))
        : resolve(),
    ),
  );
}
