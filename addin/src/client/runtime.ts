// The one batching client of a running add-in, shared by the custom functions and the task pane
// (both live in the same shared runtime page).
import { BatchingClient, type ClientOptions } from './batching-client.js';
import type { FieldCall } from './query.js';
import { defaultApiUrl, loadSettings } from './settings.js';

let client: BatchingClient | undefined;
let settingsApplied: Promise<void> = Promise.resolve();

export function tideClient(): BatchingClient {
  client ??= new BatchingClient({ url: defaultApiUrl() });
  return client;
}

/** Applies the stored URL and key; called once when the runtime starts. */
export function applyStoredSettings(): Promise<void> {
  settingsApplied = loadSettings().then(
    ({ apiUrl, apiKey }) => tideClient().configure({ url: apiUrl, apiKey: apiKey || undefined }),
    () => undefined, // unreadable storage: keep the defaults
  );
  return settingsApplied;
}

/** The client's fetch, once the stored settings are in effect (cells recalculated at load wait). */
export async function fetchField<T>(call: FieldCall): Promise<T> {
  await settingsApplied;
  return tideClient().fetch<T>(call);
}

export function configureClient(options: Partial<ClientOptions>): void {
  tideClient().configure(options);
}
