// Entry point of functions.js: connects each TIDE.* id in functions.json to its implementation
// and loads the stored settings and the workbook's pin. Ids are the exported names upper-cased
// (`series` is `@customfunction SERIES`); a test checks the bundle and functions.json agree.
import { cellRecord } from '../client/call-log.js';
import { setWorkbookPin, workbookPin } from '../client/pin.js';
import { exposeSharedRuntime } from '../client/shared-runtime.js';
import { applyStoredSettings, configureClient, runtimeReady, setRecalculate, tideClient, workbookFetcher } from '../client/runtime.js';
import { optionalDate } from '../shared/args.js';
import { setWorkbookAsOf } from '../shared/as-of.js';
import * as customFunctions from './custom-functions.js';
import { recalculateWorkbook } from './recalculate.js';
import { withCell } from './invocation.js';

// The workbook's pin is the asOf of every function that has none of its own.
setWorkbookAsOf(workbookPin);

if (typeof CustomFunctions !== 'undefined') {
  for (const [name, fn] of Object.entries(customFunctions)) {
    const id = name.toUpperCase();
    CustomFunctions.associate(id, withCell(id, fn as (...args: unknown[]) => unknown, runtimeReady));
  }
} else {
  // Opened outside Excel (a plain browser): the task pane still works, the functions cannot.
  console.info('Tide: no Excel custom functions runtime here; TIDE.* functions are not registered');
}
void applyStoredSettings(typeof Office !== 'undefined' ? Office.onReady() : Promise.reject(new Error('no Office')));
setRecalculate(() => void recalculateWorkbook().catch((e: Error) => console.warn(`Tide: recalculation failed: ${e.message}`)));

/** Sets the pin in effect (a date, serial or ISO text; null clears it) without touching the document. */
function setWorkbookAsOfDate(date: unknown): void {
  setWorkbookPin(optionalDate('asOf', date));
}

// The task pane, loaded into the same runtime, reaches the functions' state through this.
exposeSharedRuntime({
  configure: configureClient,
  client: tideClient,
  fetcher: workbookFetcher,
  pin: workbookPin,
  setPin: setWorkbookPin,
  setWorkbookAsOf: setWorkbookAsOfDate,
  recalculate: recalculateWorkbook,
  cell: cellRecord,
  // The functions themselves: the pane's "changed since" check re-evaluates cells with them.
  functions: customFunctions,
});
