import type { SeriesMeta } from '../series/types.js';
import type { SeriesStore } from './series-store.js';

const DEFAULT_TTL_MS = 5_000;

/**
 * Series metadata held for a few seconds per Lambda container, so a warm read of a series costs one
 * round trip (its chunks) instead of two. Observations never come from here: only name, unit,
 * frequency and dates, which may lag an ingest by at most the TTL (TIDE_META_TTL_MS).
 */
export class MetaCache {
  private readonly entries = new Map<string, { at: number; value: Promise<SeriesMeta | null> }>();

  constructor(
    private readonly store: SeriesStore,
    private readonly ttlMs = Number(process.env.TIDE_META_TTL_MS ?? DEFAULT_TTL_MS),
    private readonly maxEntries = 10_000,
  ) {}

  get(id: string, now = Date.now()): Promise<SeriesMeta | null> {
    const hit = this.entries.get(id);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    const value = this.store.getMeta(id);
    this.entries.set(id, { at: now, value });
    value.catch(() => this.entries.delete(id)); // a failed read is not remembered
    return value;
  }
}
