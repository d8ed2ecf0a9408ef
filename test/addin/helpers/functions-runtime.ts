// The add-in's functions as the shared runtime registers them (the real wrapper, bodies, client,
// answer cache and pin), called from the Excel stand-in's calculation against a real Tide server.
import * as customFunctions from '../../../addin/src/functions/custom-functions.js';
import { withCell } from '../../../addin/src/functions/invocation.js';
import { configureClient, runtimeReady } from '../../../addin/src/client/runtime.js';
import { workbookPin } from '../../../addin/src/client/pin.js';
import { setWorkbookAsOf } from '../../../addin/src/shared/as-of.js';
import type { Evaluate } from '../../../support/addin/excel-stand-in.js';
import { tideEvaluator } from '../../../support/addin/tide-evaluate.js';

import { installOffice } from '../../../support/addin/office-globals.js';

// Office's globals as the default host has them (support/addin/host-profiles.ts).
installOffice();
// As functions/register.ts does: the workbook's pin is every function's default asOf.
setWorkbookAsOf(workbookPin);

const registered = Object.fromEntries(Object.entries(customFunctions).map(([name, fn]) => [name.toUpperCase(), withCell(name.toUpperCase(), fn as (...a: unknown[]) => unknown, runtimeReady)]));

export function connect(server: { url: string; apiKey: string }): void {
  configureClient({ url: `${server.url}/graphql`, apiKey: server.apiKey });
}

/** Calculates a TIDE formula as Excel would: references looked up on its sheet, the cell passed as the invocation. */
export function evaluator(): Evaluate {
  return tideEvaluator((id, args, invocation) => Promise.resolve(registered[id](...args, invocation)));
}
