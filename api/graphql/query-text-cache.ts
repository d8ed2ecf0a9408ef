import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { SizedLru } from './sized-lru.js';

// Apollo's own cache (its persisted queries are off: they are kept per key before Apollo, in
// api/handlers/persisted-queries.ts; nothing Tide enables writes here today). Apollo's default
// (InMemoryLRUCache) is built on lru-cache; this one is bounded the same way Tide bounds the
// parsed documents (sized-lru.ts), by characters, and the bundle need not carry lru-cache and the
// perf_hooks it loads into every cold start (infra/esbuild-plugins.cjs).

// About 90 full add-in batches (22 KB of text each); the texts are kept as they came, so this is
// about their size in memory too.
const DEFAULT_MAX_CHARS = 2_000_000;

export class QueryTextCache implements KeyValueCache<string> {
  private readonly texts: SizedLru<{ text: string; expiresAt: number }>;

  constructor(
    maxChars = DEFAULT_MAX_CHARS,
    private readonly now: () => number = Date.now,
  ) {
    this.texts = new SizedLru(maxChars);
  }

  async get(key: string): Promise<string | undefined> {
    const entry = this.texts.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.texts.delete(key);
      return undefined;
    }
    return entry.text;
  }

  /** A `ttl` (seconds, Apollo's persistedQueries.ttl) makes the entry a miss once it has passed. */
  async set(key: string, text: string, options?: KeyValueCacheSetOptions): Promise<void> {
    const ttl = options?.ttl;
    this.texts.set(key, { text, expiresAt: ttl ? this.now() + ttl * 1_000 : Infinity }, key.length + text.length);
  }

  async delete(key: string): Promise<boolean> {
    return this.texts.delete(key);
  }

  /** Texts held and their total characters, for tests and diagnostics. */
  get size(): { texts: number; chars: number } {
    const { entries, total } = this.texts.size;
    return { texts: entries, chars: total };
  }
}
