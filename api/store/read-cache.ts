import { revisionsOf } from '../series/revision-columns.js';
import { knownScaled, materialize, type Rescale } from '../series/rescales.js';
import type { Columns, Revision, RevisionColumns, SeriesMeta } from '../series/types.js';
import { yearOf } from './keys.js';
import { sharedByYearSpan, type SeriesReads } from './request-reads.js';
import type { SeriesStore, SeriesVersion } from './series-store.js';

export interface ReadCacheOptions {
  /** How long a series' version is trusted before it is read again (TIDE_CACHE_VERSION_TTL_MS, default 1 s). */
  versionTtlMs?: number;
  /** Revisions (and metadata vintages) held at most; least recently used chunks go first (TIDE_CACHE_MAX_REVISIONS). */
  maxRevisions?: number;
}

export interface ReadCacheStats {
  versionReads: number;
  chunkHits: number;
  chunkMisses: number;
  metaHits: number;
  metaMisses: number;
  columnsHits: number;
  columnsMisses: number;
  readThrough: number;
}

type Kind = 'chunk' | 'meta' | 'columns';

interface Held<T> {
  id: string;
  value: Promise<T>;
  size: number;
}

const EMPTY: RevisionColumns = { dates: [], values: [], realtimeStarts: [] };

// A held chunk's rows as objects, made once for the code that reads revision lists (first releases, revision history).
const rowsOfChunk = new WeakMap<RevisionColumns, Revision[]>();
function revisionsOfHeld(chunk: RevisionColumns): Revision[] {
  let rows = rowsOfChunk.get(chunk);
  if (!rows) rowsOfChunk.set(chunk, (rows = revisionsOf(chunk)));
  return rows;
}

const envNumber = (name: string, fallback: number): number => {
  const n = Number(process.env[name]);
  return Number.isFinite(n) && n >= 0 && process.env[name] !== '' ? n : fallback;
};

/**
 * Chunks and metadata kept across requests in one Lambda container, keyed by the series' version: a
 * token that every write replaces after its data (versions.ts). What is kept under a version carries
 * the stamp that version names for it (read eventually consistent, and again strongly consistent when
 * the stamp differs), so it is never older than that version.
 * The one lag is the version itself, trusted for `versionTtlMs`: a write made by another container
 * shows here within that time. A write made through this container's store shows at once, and while
 * one is in flight the series is read straight from the store.
 */
export class ReadCache {
  readonly stats: ReadCacheStats = { versionReads: 0, chunkHits: 0, chunkMisses: 0, metaHits: 0, metaMisses: 0, columnsHits: 0, columnsMisses: 0, readThrough: 0 };
  private readonly versions = new Map<string, { at: number; value: Promise<SeriesVersion | null> }>();
  private readonly tokens = new Map<string, string>(); // the newest token seen per series
  private readonly entries = new Map<string, Held<unknown>>(); // Map order = least recently used first
  private readonly keysOf = new Map<string, Set<string>>();
  private held = 0;
  private readonly versionTtlMs: number;
  private readonly maxRevisions: number;

  constructor(
    private readonly store: SeriesStore,
    opts: ReadCacheOptions = {},
  ) {
    this.versionTtlMs = opts.versionTtlMs ?? envNumber('TIDE_CACHE_VERSION_TTL_MS', 1_000);
    this.maxRevisions = opts.maxRevisions ?? envNumber('TIDE_CACHE_MAX_REVISIONS', 1_000_000);
    store.writeListeners.add((id) => this.forget(id));
  }

  /** Revisions held now (for the bench and tests). */
  get size(): number {
    return this.held;
  }

  /**
   * One request's view: each series' version is taken once per request, so every field of one
   * answer sees the same state of a series.
   */
  forRequest(): SeriesReads {
    const pinned = new Map<string, Promise<SeriesVersion | null>>();
    const versionOf = (id: string) => {
      let v = pinned.get(id);
      if (!v) pinned.set(id, (v = this.version(id)));
      return v;
    };
    let catalog: Promise<SeriesMeta[]> | undefined;
    // Read through (no version, or a write under way): many ranges of a series still cost one read per span of years.
    const through = sharedByYearSpan((id, from, to, asOf, signal) => this.store.readKnown(id, from, to, asOf, signal));
    return {
      sharesReads: true,
      getMeta: async (id) => this.metaAt(id, await versionOf(id)),
      readRevisions: async (id, from, to) => this.revisionsAt(id, await versionOf(id), from, to),
      readKnown: async (id, from, to, asOf, signal) => {
        const version = await versionOf(id);
        return this.cacheable(id, version) ? this.knownAt(id, version!, from, to, asOf) : through(id, from, to, asOf, signal);
      },
      // The catalog spans every series, so it has no one version: read once per request.
      listMeta: () => (catalog ??= this.store.listMeta()),
      // Vintage pages are read as stored: Series.vintages is rare and small next to observations.
      readVintages: (id, signal) => this.store.readVintages(id, signal),
    };
  }

  private version(id: string, now = Date.now()): Promise<SeriesVersion | null> {
    const hit = this.versions.get(id);
    if (hit && now - hit.at < this.versionTtlMs) return hit.value;
    if (this.versions.size >= 100_000) this.versions.clear(); // ids nobody stores, asked for again and again
    this.stats.versionReads++;
    const value = this.store.getVersion(id).then((v) => {
      if (v && this.tokens.get(id) !== v.token) {
        this.dropData(id);
        this.tokens.set(id, v.token);
      }
      return v;
    });
    const entry = { at: now, value };
    this.versions.set(id, entry);
    value.catch(() => {
      if (this.versions.get(id) === entry) this.versions.delete(id); // a failed read is not remembered
    });
    return value;
  }

  private async metaAt(id: string, version: SeriesVersion | null): Promise<SeriesMeta | null> {
    if (!this.cacheable(id, version)) return this.store.getMeta(id);
    const load = () => this.verified(version!.meta, (consistent) => this.store.getMetaStamped(id, consistent).then((m) => ({ value: m?.meta ?? null, token: m?.token })));
    return this.hold(`${id}|${version!.token}|meta`, id, version!.token, load, () => 1, 'meta');
  }

  private async revisionsAt(id: string, version: SeriesVersion | null, from?: string, to?: string): Promise<Revision[]> {
    if (!this.cacheable(id, version)) return this.store.readRevisions(id, from, to);
    const [{ years, chunks }, rescales] = await Promise.all([this.chunksAt(id, version!, from, to), this.rescalesAt(id, version!)]);
    const [a, b] = [years[0], years[years.length - 1]];
    const out: Revision[] = [];
    for (let i = 0; i < chunks.length; i++) {
      const rows = revisionsOfHeld(chunks[i]);
      const edge = years[i] === a || years[i] === b;
      if (!edge) out.push(...rows);
      else for (const r of rows) if ((!from || r.date >= from) && (!to || r.date <= to)) out.push(r);
    }
    return materialize(out, rescales);
  }

  /** The series' rescales under `version` (none read when the version names none). */
  private rescalesAt(id: string, version: SeriesVersion): Promise<Rescale[]> {
    if (version.rescales === undefined) return Promise.resolve([]);
    const load = () => this.verified(version.rescales, (consistent) => this.store.readRescalesStamped(id, consistent));
    return this.hold(`${id}|${version.token}|rescales`, id, version.token, load, (r) => 1 + r.length, 'meta');
  }

  /**
   * The values known on `asOf` in [from, to], kept as one pair of columns: a market open asks a
   * container for the same series again and again, and joining a hundred year-chunks anew each time
   * cost more than encoding the answer. Kept only if every chunk it was made from is.
   */
  private knownAt(id: string, version: SeriesVersion, from?: string, to?: string, asOf?: string): Promise<Columns> {
    const token = version.token;
    return this.hold(
      `${id}|${token}|known|${from ?? ''}|${to ?? ''}|${asOf ?? ''}`,
      id,
      token,
      async () => {
        const [{ years, chunks }, rescales] = await Promise.all([this.chunksAt(id, version, from, to), this.rescalesAt(id, version)]);
        // A chunk not kept (a write raced its read) was dropped before this continuation ran.
        const kept = years.every((y) => this.entries.has(this.chunkKey(id, token, y))) && (version.rescales === undefined || this.entries.has(`${id}|${token}|rescales`));
        return { value: knownScaled(chunks, rescales, asOf, from, to), keep: kept };
      },
      (c) => c.dates.length,
      'columns',
    );
  }

  /** The held year-chunks that cover [from, to] under `version`, those not held read in one query. */
  private async chunksAt(id: string, version: SeriesVersion, from?: string, to?: string): Promise<{ years: number[]; chunks: RevisionColumns[] }> {
    const [a, b] = [from ? yearOf(from) : -Infinity, to ? yearOf(to) : Infinity];
    const years = [...version.years.keys()].filter((y) => y >= a && y <= b);
    const token = version.token;
    const missing = years.filter((y) => !this.entries.has(this.chunkKey(id, token, y)));
    let fetched: Promise<Map<number, { columns: RevisionColumns; current: boolean }>> | undefined;
    const fetch = () => (fetched ??= this.fetchChunks(id, version, missing[0], missing[missing.length - 1]));
    const chunks = await Promise.all(
      years.map((y) =>
        this.hold(
          this.chunkKey(id, token, y),
          id,
          token,
          async () => {
            const got = (await fetch()).get(y);
            return { value: got?.columns ?? EMPTY, keep: got?.current ?? false };
          },
          (c) => c.dates.length,
          'chunk',
        ),
      ),
    );
    return { years, chunks };
  }

  /**
   * Year-chunks read eventually consistent (half the read units), each checked against the token the
   * version gives its year; a chunk with another stamp is an older copy, so those years are read again
   * strongly consistent. A stamp that still differs means a write is under way: not `current`.
   */
  private async fetchChunks(id: string, version: SeriesVersion, first: number, last: number): Promise<Map<number, { columns: RevisionColumns; current: boolean }>> {
    const check = (chunks: Map<number, { columns: RevisionColumns; token?: string }>) =>
      new Map([...chunks].map(([y, c]) => [y, { columns: c.columns, current: c.token !== undefined && c.token === version.years.get(y) }]));
    const out = check(await this.store.readChunks(id, first, last, false));
    const stale = [...version.years.keys()].filter((y) => y >= first && y <= last && !out.get(y)?.current);
    if (stale.length) for (const [y, c] of check(await this.store.readChunks(id, stale[0], stale[stale.length - 1], true))) if (stale.includes(y)) out.set(y, c);
    return out;
  }

  /** One item read eventually consistent, then strongly consistent if its stamp is not `expected`; kept only if current. */
  private async verified<T>(expected: string | undefined, read: (consistent: boolean) => Promise<{ value: T; token?: string }>): Promise<{ value: T; keep: boolean }> {
    let got = await read(false);
    if (expected === undefined || got.token !== expected) got = await read(true);
    return { value: got.value, keep: expected !== undefined && got.token === expected };
  }

  private cacheable(id: string, version: SeriesVersion | null): boolean {
    // No version: written before versions were kept, so nothing tells us when it changes.
    const ok = version !== null && !this.store.isWriting(id) && this.tokens.get(id) === version.token;
    if (!ok) this.stats.readThrough++;
    return ok;
  }

  private chunkKey = (id: string, token: string, year: number): string => `${id}|${token}|${year}`;

  /**
   * The entry under `key`, loaded if absent; concurrent asks share one load. A load that says not to
   * keep its value (a write raced it) answers the askers and is dropped, as is one that fails.
   */
  private hold<T>(key: string, id: string, token: string, load: () => Promise<{ value: T; keep: boolean }>, sizeOf: (v: T) => number, kind: Kind): Promise<T> {
    const hit = this.entries.get(key) as Held<T> | undefined;
    if (hit) {
      this.entries.delete(key); // most recently used goes last
      this.entries.set(key, hit);
      this.stats[`${kind}Hits`]++;
      return hit.value;
    }
    this.stats[`${kind}Misses`]++;
    const loading = load();
    const entry: Held<T> = { id, value: loading.then((l) => l.value), size: 0 };
    this.entries.set(key, entry);
    let keys = this.keysOf.get(id);
    if (!keys) this.keysOf.set(id, (keys = new Set()));
    keys.add(key);
    loading.then(
      ({ value, keep }) => {
        if (this.entries.get(key) !== entry) return;
        if (!keep || this.tokens.get(id) !== token) return this.drop(id, key); // raced by a write, or superseded while reading
        entry.size = sizeOf(value);
        this.held += entry.size;
        this.evict();
      },
      () => this.drop(id, key),
    );
    return entry.value;
  }

  private evict(): void {
    for (const [key, entry] of this.entries) {
      if (this.held <= this.maxRevisions) break;
      if (entry.size === 0) continue; // still loading
      this.drop(entry.id, key);
    }
  }

  private drop(id: string, key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.held -= entry.size;
    this.entries.delete(key);
    this.keysOf.get(id)?.delete(key);
  }

  private dropData(id: string): void {
    for (const key of this.keysOf.get(id) ?? []) this.drop(id, key);
    this.keysOf.delete(id);
  }

  /** A write of `id` started or ended in this process: its version is read again and its data dropped. */
  forget(id: string): void {
    this.versions.delete(id);
    this.tokens.delete(id);
    this.dropData(id);
  }
}
