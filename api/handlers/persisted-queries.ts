import { createHash } from 'node:crypto';
import { SizedLru } from '../graphql/sized-lru.js';

// Automatic persisted queries (Apollo's protocol: `extensions.persistedQuery = { version: 1, sha256Hash }`),
// kept per API key. Apollo's own implementation keeps one cache for every caller, so one key could tell
// whether another had run an exact query (a hit instead of PERSISTED_QUERY_NOT_FOUND) and, with a few
// large registrations, evict everyone's hashes. Here each key has its own bounded store: what one key
// registers can only push out that key's own texts.

/** Characters of query text one key may keep registered: about 20 full add-in batches. */
export const PER_KEY_CHARS = 500_000;
/** Keys whose stores a container keeps at once, the least recently used forgotten first (memory ≤ this × PER_KEY_CHARS). */
export const KEYS_HELD = 100;

export type PersistedQueryOutcome =
  { kind: 'none' } | { kind: 'query'; query: string } | { kind: 'refused'; status: number; code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_HASH_MISMATCH' | 'BAD_REQUEST'; message: string };

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

export class PersistedQueries {
  private readonly byKey = new SizedLru<SizedLru<string>>(KEYS_HELD);

  constructor(private readonly perKeyChars = PER_KEY_CHARS) {}

  /**
   * What a request's persisted-query extension means for `scope` (an API key's id): the query text to
   * run, or a refusal. `query` is the text sent with it, if any; a text sent with a hash that is not its
   * SHA-256 is refused, never stored.
   */
  resolve(scope: string, extension: PersistedQueryExtension | undefined, query: string | undefined): PersistedQueryOutcome {
    if (extension === undefined) return { kind: 'none' };
    if (extension.version !== 1) return { kind: 'refused', status: 400, code: 'BAD_REQUEST', message: 'Unsupported persisted query version: send version 1' };
    const hash = extension.sha256Hash;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/i.test(hash))
      return { kind: 'refused', status: 400, code: 'BAD_REQUEST', message: "extensions.persistedQuery.sha256Hash must be the 64 hex digits of the query's SHA-256" };
    const key = hash.toLowerCase();
    if (query !== undefined) {
      const actual = sha256Hex(query);
      if (actual !== key)
        return {
          kind: 'refused',
          status: 400,
          code: 'PERSISTED_QUERY_HASH_MISMATCH',
          message: `The query sent hashes to ${actual}, not to the sha256Hash given (${key}); send the query's own SHA-256`,
        };
      this.storeOf(scope).set(key, query, key.length + query.length);
      return { kind: 'query', query };
    }
    const known = this.byKey.get(scope)?.get(key);
    if (known === undefined) return { kind: 'refused', status: 200, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' };
    return { kind: 'query', query: known };
  }

  private storeOf(scope: string): SizedLru<string> {
    let store = this.byKey.get(scope);
    if (!store) {
      store = new SizedLru<string>(this.perKeyChars);
      this.byKey.set(scope, store, 1);
    }
    return store;
  }
}
