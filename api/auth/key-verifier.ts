import { hashApiKey } from './api-key.js';
import type { ApiKeyRecord, ApiKeyStore } from './key-store.js';

export type Verdict = { ok: true; keyId: string } | { ok: false; reason: 'missing' | 'unknown' | 'revoked' };

export interface VerifierOptions {
  /** How long a lookup is reused in this container; a revocation takes effect within it. */
  cacheMs?: number;
  maxEntries?: number;
}

export const DEFAULT_KEY_CACHE_MS = 60_000;

/**
 * Checks presented keys against the store, caching answers (good and bad) per container for a short
 * time so a burst of requests costs one read. The cache is keyed by the hash, never the key.
 */
export function createKeyVerifier(store: Pick<ApiKeyStore, 'findByKey'>, opts: VerifierOptions = {}) {
  const cacheMs = opts.cacheMs ?? DEFAULT_KEY_CACHE_MS;
  const maxEntries = opts.maxEntries ?? 1000;
  const cache = new Map<string, { record: ApiKeyRecord | null; until: number }>();

  async function lookup(key: string): Promise<ApiKeyRecord | null> {
    const hash = hashApiKey(key);
    const now = Date.now();
    const hit = cache.get(hash);
    if (hit && hit.until > now) return hit.record;
    const record = await store.findByKey(key);
    if (cacheMs > 0) {
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value!);
      cache.set(hash, { record, until: now + cacheMs });
    }
    return record;
  }

  return async function verify(key: string | undefined): Promise<Verdict> {
    if (!key) return { ok: false, reason: 'missing' };
    const record = await lookup(key);
    if (!record) return { ok: false, reason: 'unknown' };
    if (record.revoked) return { ok: false, reason: 'revoked' };
    return { ok: true, keyId: record.keyId };
  };
}

export type KeyVerifier = ReturnType<typeof createKeyVerifier>;
