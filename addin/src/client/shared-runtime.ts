// What functions.js puts on the page's global object for the task pane, loaded into the same
// runtime (Excel's shared runtime): its client, answer cache, pin and the functions themselves.
// functions/register.ts sets it; the pane reads it, and finds it absent in a plain browser.
import type { BatchingClient, ClientOptions } from './batching-client.js';
import type { CellRecord } from './call-log.js';
import type { WorkbookFetcher } from './workbook-fetcher.js';

export interface SharedRuntime {
  configure(options: Partial<ClientOptions>): void;
  client(): BatchingClient;
  fetcher(): WorkbookFetcher;
  pin(): string | undefined;
  setPin(pin: string | undefined): void;
  /** Sets the pin in effect from a date, serial or ISO text (null clears it), without touching the document. */
  setWorkbookAsOf(date: unknown): void;
  recalculate(): Promise<boolean>;
  cell(address: string): CellRecord | undefined;
  /** The functions by their exported names: the pane's "changed since" check calls them. */
  functions: Record<string, (...args: never[]) => Promise<unknown>>;
}

declare global {
  var tide: SharedRuntime | undefined;
}

/** The functions' runtime when functions.js runs in this page. */
export function sharedRuntime(): SharedRuntime | undefined {
  return globalThis.tide;
}

export function exposeSharedRuntime(runtime: SharedRuntime): void {
  globalThis.tide = runtime;
}
