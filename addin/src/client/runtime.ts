// The one batching client of a running add-in, shared by the custom functions and the task pane
// (both live in the same shared runtime page), and the workbook's answer cache and pin around it.
import { AnswerCache } from './answer-cache.js';
import { BatchingClient, type ClientOptions } from './batching-client.js';
import { currentCell } from './call-log.js';
import { readPin, setWorkbookPin, workbookPin } from './pin.js';
import type { FieldCall } from './query.js';
import { defaultApiUrl, loadSettings } from './settings.js';
import { addinStorage, memoryStore } from './storage.js';
import { WorkbookFetcher } from './workbook-fetcher.js';

let client: BatchingClient | undefined;
let fetcher: WorkbookFetcher | undefined;
let settingsApplied: Promise<void> = Promise.resolve();
let recalculate: (reason: string) => void = () => undefined;

export function tideClient(): BatchingClient {
  client ??= new BatchingClient({ url: defaultApiUrl() });
  return client;
}

export function workbookFetcher(): WorkbookFetcher {
  fetcher ??= new WorkbookFetcher(tideClient(), new AnswerCache(addinStorage() ?? memoryStore()), workbookPin, (changed) =>
    recalculate(`${changed} refreshed answer${changed === 1 ? '' : 's'} differ from those shown`),
  );
  return fetcher;
}

/** How the add-in asks Excel to recalculate the TIDE cells (set once Office is ready). */
export function setRecalculate(fn: (reason: string) => void): void {
  recalculate = fn;
}

/**
 * Applies the stored URL and key, and the workbook's pin; called once when the runtime starts.
 * `officeReady` resolves when the document (and its settings) can be read.
 */
export function applyStoredSettings(officeReady: Promise<unknown> = Promise.resolve()): Promise<void> {
  const settings = loadSettings().then(
    ({ apiUrl, apiKey }) => tideClient().configure({ url: apiUrl, apiKey: apiKey || undefined }),
    () => undefined, // unreadable storage: keep the defaults
  );
  const pin = officeReady.then(
    () => setWorkbookPin(readPin()),
    () => undefined, // no document: no pin
  );
  settingsApplied = Promise.all([settings, pin]).then(() => undefined);
  return settingsApplied;
}

/** Resolves once the stored settings and the pin are in effect. */
export function runtimeReady(): Promise<void> {
  return settingsApplied;
}

/**
 * The value of one root field, once the stored settings are in effect (cells recalculated at load
 * wait), through the workbook's answer cache. The call is tied to the cell running now, if any.
 */
export async function fetchField<T>(call: FieldCall): Promise<T> {
  const trace = currentCell();
  await settingsApplied;
  return workbookFetcher().fetch<T>(call, trace);
}

export function configureClient(options: Partial<ClientOptions>): void {
  tideClient().configure(options);
}
