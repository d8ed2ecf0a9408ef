// Entry point of functions.js: connects each TIDE.* id in functions.json to its implementation
// and loads the stored settings. Ids are the exported names upper-cased (`series` is
// `@customfunction SERIES`); a test checks the bundle and functions.json agree.
import { applyStoredSettings, configureClient, tideClient } from '../client/runtime.js';
import { optionalDate } from '../shared/args.js';
import { setWorkbookAsOf } from '../shared/as-of.js';
import * as customFunctions from './custom-functions.js';

if (typeof CustomFunctions !== 'undefined') {
  for (const [name, fn] of Object.entries(customFunctions)) {
    CustomFunctions.associate(name.toUpperCase(), fn as (...args: unknown[]) => unknown);
  }
} else {
  // Opened outside Excel (a plain browser): the task pane still works, the functions cannot.
  console.info('Tide: no Excel custom functions runtime here; TIDE.* functions are not registered');
}
void applyStoredSettings();

/** Sets the asOf every function uses when its own is omitted (a date, serial or ISO text); nothing clears it. */
function setWorkbookAsOfDate(date: unknown): void {
  const iso = optionalDate('asOf', date);
  setWorkbookAsOf(iso === undefined ? undefined : () => iso);
}

// The task pane, loaded into the same runtime, changes settings through this.
(globalThis as { tide?: unknown }).tide = { configure: configureClient, client: tideClient, setWorkbookAsOf: setWorkbookAsOfDate };
