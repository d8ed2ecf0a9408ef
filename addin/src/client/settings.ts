// Where the add-in keeps its API URL and key: with the add-in (OfficeRuntime.storage) inside
// Office, in localStorage in a plain browser.
import { addinStorage } from './storage.js';

export interface TideSettings {
  apiUrl: string;
  apiKey: string;
}

const KEY = 'tide.settings';

const store = addinStorage;

/**
 * The API next to the page: Office loads the add-in from a Tide server's /addin/, whose origin also
 * serves /graphql. A page not loaded from a server has no default; set the API URL in the task pane.
 */
export function defaultApiUrl(): string {
  if (typeof location !== 'undefined' && /^https?:$/.test(location.protocol)) return new URL('/graphql', location.origin).href;
  return '';
}

export async function loadSettings(): Promise<TideSettings> {
  const defaults = { apiUrl: defaultApiUrl(), apiKey: '' };
  const text = await store()?.getItem(KEY);
  if (!text) return defaults;
  try {
    const saved = JSON.parse(text) as Partial<TideSettings>;
    return { apiUrl: saved.apiUrl || defaults.apiUrl, apiKey: saved.apiKey ?? '' };
  } catch {
    return defaults;
  }
}

export async function saveSettings(settings: TideSettings): Promise<void> {
  const target = store();
  if (!target) throw new Error('no storage is available to keep the settings');
  await target.setItem(KEY, JSON.stringify(settings));
}

/** Checks a URL typed into the settings; returns the reason it cannot be used, if any. */
export function apiUrlProblem(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return 'the API URL must start with https:// (or http:// for a local server)';
    return undefined;
  } catch {
    return `"${url}" is not a URL; expected e.g. https://abc.execute-api.us-east-1.amazonaws.com/graphql`;
  }
}
