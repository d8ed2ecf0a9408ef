// Where the add-in keeps things between sessions: OfficeRuntime.storage inside Office (kept per
// add-in across Excel restarts), localStorage in a plain browser.

export interface KeyValueStore {
  getItem(key: string): Promise<string | null> | string | null;
  setItem(key: string, value: string): Promise<void> | void;
  removeItem(key: string): Promise<void> | void;
}

export function addinStorage(): KeyValueStore | undefined {
  if (typeof OfficeRuntime !== 'undefined' && OfficeRuntime.storage) return OfficeRuntime.storage;
  if (typeof localStorage !== 'undefined') return localStorage;
  return undefined;
}

/** A store that forgets everything: used where no storage exists, so callers need no special case. */
export function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}
