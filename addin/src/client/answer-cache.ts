// Answers kept across Excel restarts. A "final" answer (a date that is over, or a pinned workbook)
// is never fetched again; a "recent" one is shown at once on the next open while it refreshes.
// One storage item per answer plus one index, so opening a workbook reads only what its cells ask.
import type { KeyValueStore } from './storage.js';

export interface StoredAnswer {
  value: unknown;
  /** When the answer was received (ms since epoch). */
  savedAt: number;
  final: boolean;
}

interface IndexEntry {
  hash: string;
  chars: number;
  savedAt: number;
  final: boolean;
}

export interface AnswerCacheOptions {
  /** Most characters kept in storage; OfficeRuntime.storage allows 10 MB per add-in. */
  budgetChars: number;
  now(): number;
  /**
   * Write once no answer has arrived for this long, so one recalculation is one write: its answers
   * come in several responses, and each write re-reads, merges and rewrites the whole index.
   */
  writeDelayMs: number;
  /** Write at the latest this long after the first unwritten answer, however busy the recalculation. */
  maxWriteDelayMs: number;
}

const INDEX_KEY = 'tide.answers';
const ITEM_PREFIX = 'tide.answer.';
const FORMAT = 1;

export class AnswerCache {
  private readonly options: AnswerCacheOptions;
  private index = new Map<string, IndexEntry>();
  private readonly values = new Map<string, StoredAnswer>();
  private readonly unwritten = new Map<string, string>();
  private loading: Promise<void> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the oldest unwritten answer arrived (Date.now()), for maxWriteDelayMs. */
  private unwrittenSince: number | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Keys this instance dropped, so merging with another workbook's index does not bring them back. */
  private readonly dropped = new Set<string>();

  constructor(
    private readonly store: KeyValueStore,
    options: Partial<AnswerCacheOptions> = {},
  ) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { budgetChars: 4_000_000, now: Date.now, writeDelayMs: 250, maxWriteDelayMs: 2_000, ...given };
  }

  /** Reads the index once; every other call waits for it. An unreadable index is an empty cache. */
  load(): Promise<void> {
    this.loading ??= (async () => {
      try {
        const text = await this.store.getItem(INDEX_KEY);
        const saved = text ? (JSON.parse(text) as { format: number; entries: [string, IndexEntry][] }) : undefined;
        if (saved?.format === FORMAT) this.index = new Map(saved.entries);
      } catch {
        this.index = new Map();
      }
    })();
    return this.loading;
  }

  /** The stored answer for `key`, if any. */
  async get(key: string): Promise<StoredAnswer | undefined> {
    const known = this.values.get(key);
    if (known) return known;
    await this.load();
    const entry = this.index.get(key);
    if (!entry) return undefined;
    try {
      const text = this.unwritten.get(key) ?? (await this.store.getItem(ITEM_PREFIX + entry.hash));
      if (!text) throw new Error('missing');
      const item = JSON.parse(text) as { key: string; value: unknown };
      if (item.key !== key) throw new Error('another answer under this hash');
      const answer = { value: item.value, savedAt: entry.savedAt, final: entry.final };
      this.values.set(key, answer);
      return answer;
    } catch {
      this.index.delete(key); // lost or overwritten: forget it, the cell fetches again
      this.dropped.add(key);
      return undefined;
    }
  }

  /** Keeps an answer; written to storage shortly after, with others that arrive meanwhile. */
  put(key: string, value: unknown, final: boolean): void {
    const text = JSON.stringify({ key, value });
    const savedAt = this.options.now();
    this.values.set(key, { value, savedAt, final });
    this.index.set(key, { hash: hashKey(key), chars: text.length + key.length, savedAt, final });
    this.unwritten.set(key, text);
    // Storage writes are synchronous in a browser (localStorage) and cost the thread that is still
    // receiving this recalculation's answers: wait for it to go quiet (bounded by maxWriteDelayMs).
    const at = Date.now();
    this.unwrittenSince ??= at;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.min(this.options.writeDelayMs, Math.max(0, this.unwrittenSince + this.options.maxWriteDelayMs - at));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Writes what is pending; resolves when storage has it. Never rejects: a cache that cannot write only costs requests. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.unwrittenSince = undefined;
    this.writing = this.writing.then(() => this.write());
    return this.writing;
  }

  /** Forgets every answer (e.g. when the API URL changes: they came from another server). */
  async clear(): Promise<void> {
    await this.load();
    await this.flush();
    const hashes = [...this.index.values()].map((e) => e.hash);
    for (const key of this.index.keys()) this.dropped.add(key);
    this.index.clear();
    this.values.clear();
    await Promise.all(hashes.map((h) => this.remove(ITEM_PREFIX + h)));
    await this.saveIndex();
  }

  /** Answers kept and characters used, for the task pane and tests. */
  usage(): { answers: number; final: number; chars: number } {
    let chars = 0;
    let final = 0;
    for (const e of this.index.values()) {
      chars += e.chars;
      if (e.final) final++;
    }
    return { answers: this.index.size, final, chars };
  }

  private async write(): Promise<void> {
    await this.load();
    const batch = [...this.unwritten];
    this.unwritten.clear();
    if (batch.length === 0) return;
    const evicted = this.evictOverBudget();
    for (const [key, text] of batch) {
      const entry = this.index.get(key);
      if (!entry) continue; // evicted before it was written
      try {
        await this.store.setItem(ITEM_PREFIX + entry.hash, text);
      } catch {
        this.index.delete(key); // storage full or refused: keep serving it from memory only
      }
    }
    await Promise.all(evicted.map((h) => this.remove(ITEM_PREFIX + h)));
    await this.saveIndex();
  }

  /** Oldest recent answers go first, then oldest final ones, until the budget holds. */
  private evictOverBudget(): string[] {
    let total = 0;
    for (const e of this.index.values()) total += e.chars;
    if (total <= this.options.budgetChars) return [];
    const order = [...this.index].sort(([, a], [, b]) => Number(a.final) - Number(b.final) || a.savedAt - b.savedAt);
    const evicted: string[] = [];
    for (const [key, e] of order) {
      if (total <= this.options.budgetChars) break;
      this.index.delete(key);
      this.values.delete(key);
      this.unwritten.delete(key);
      this.dropped.add(key);
      evicted.push(e.hash);
      total -= e.chars;
    }
    return evicted;
  }

  /**
   * Other workbooks open in the same Excel keep answers in the same storage: entries they added
   * since this index was read are merged in, not overwritten.
   */
  private async saveIndex(): Promise<void> {
    try {
      const text = await this.store.getItem(INDEX_KEY);
      const stored = text ? (JSON.parse(text) as { format: number; entries: [string, IndexEntry][] }) : undefined;
      if (stored?.format === FORMAT) {
        for (const [key, entry] of stored.entries) if (!this.index.has(key) && !this.dropped.has(key)) this.index.set(key, entry);
      }
    } catch {
      // unreadable: ours replaces it
    }
    try {
      await this.store.setItem(INDEX_KEY, JSON.stringify({ format: FORMAT, entries: [...this.index] }));
    } catch {
      // An index that cannot be saved means the next open starts cold; nothing else breaks.
    }
  }

  private async remove(key: string): Promise<void> {
    try {
      await this.store.removeItem(key);
    } catch {
      // already gone
    }
  }
}

/** A short, stable name for a storage item (cyrb53); the full key is kept inside to catch collisions. */
export function hashKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}
