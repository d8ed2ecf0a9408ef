import { randomUUID } from 'node:crypto';
import type { Columns, Revision, RevisionColumns, SeriesMeta } from '../series/types.js';
import { batchWrite, type WriteRequest } from './batch-write.js';
import { decodeChunk, decodeChunkColumns, encodeChunk, revisionsByYear } from './chunk-codec.js';
import { revisionsOf } from '../series/revision-columns.js';
import { CATALOG_INDEX, CATALOG_PARTITION, META_SK, RESCALES_SK, chunkSk, seriesPk, vintageSk, yearOf } from './keys.js';
import { byPublication, knownScaled, materialize, type Rescale } from '../series/rescales.js';
import { decodeRescales, encodeRescales } from './rescale-codec.js';
import { mergeRevisions, mergeStored } from '../series/revisions.js';
import { datesOfPage, vintagePages } from './vintage-pages.js';
import { assertItemsFit } from './item-size.js';
import type { QueryInput, Table } from './table.js';
import { readVersion, writeVersion, type SeriesVersion } from './versions.js';

export type { SeriesVersion } from './versions.js';

export interface StoreOptions {
  table: Table;
  tableName: string;
}

/** Round trips and items read, so costs can be reported rather than guessed. */
export interface StoreStats {
  requests: number;
  itemsRead: number;
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'w']; // w: the version token of the write (versions.ts)

/** Undoes a write: puts back what it replaced and deletes what it created. */
export type Undo = () => Promise<void>;

// Metadata items written before vintages moved to pages of their own hold them as one JSON string
// (`vintages`); read, they still give their first and last vintage, and readVintages falls back to them.
function legacyVintages(item: Record<string, unknown>): string[] | undefined {
  return typeof item.vintages === 'string' ? (JSON.parse(item.vintages) as string[]) : undefined;
}

function toMeta(item: Record<string, unknown>): SeriesMeta {
  const meta = { ...item };
  for (const k of [...KEY_ATTRS, 'vintages']) delete meta[k];
  const legacy = legacyVintages(item);
  if (legacy?.length && meta.firstVintage === undefined) Object.assign(meta, { firstVintage: legacy[0], lastVintage: legacy[legacy.length - 1], vintageCount: legacy.length });
  return meta as unknown as SeriesMeta;
}

const puts = (requests: WriteRequest[]): Record<string, unknown>[] => requests.flatMap((r) => ('PutRequest' in r ? [r.PutRequest.Item] : []));

/** The only code that knows the table: series metadata beside per-year chunks of revisions. */
export class SeriesStore {
  readonly table: Table;
  readonly tableName: string;
  readonly stats: StoreStats = { requests: 0, itemsRead: 0 };
  /** Called when a write of a series starts and when it ends, so a cache in this process drops what it holds at once. */
  readonly writeListeners = new Set<(id: string) => void>();
  private readonly writing = new Map<string, number>();

  constructor(opts: StoreOptions) {
    this.table = opts.table;
    this.tableName = opts.tableName;
  }

  async getMeta(id: string): Promise<SeriesMeta | null> {
    return (await this.getMetaStamped(id, false))?.meta ?? null;
  }

  /** The metadata and the version token of the write that stored it, for a cache to check. */
  async getMetaStamped(id: string, consistent: boolean): Promise<{ meta: SeriesMeta; token?: string } | null> {
    this.stats.requests++;
    const out = await this.table.get({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: META_SK }, ConsistentRead: consistent || undefined });
    if (!out.Item) return null;
    this.stats.itemsRead++;
    return { meta: toMeta(out.Item), token: out.Item.w === undefined ? undefined : String(out.Item.w) };
  }

  async putMeta(meta: SeriesMeta): Promise<void> {
    const token = randomUUID();
    const item = { ...meta, pk: seriesPk(meta.id), sk: META_SK, gsi1pk: CATALOG_PARTITION, gsi1sk: meta.id, w: token };
    assertItemsFit(meta.id, [item]);
    await this.writingSeries(meta.id, async () => {
      this.stats.requests++;
      await this.table.put({ TableName: this.tableName, Item: item });
      this.stats.requests++;
      await writeVersion(this.table, this.tableName, meta.id, token, { meta: true });
    });
  }

  /** The series' current version (strongly consistent, one small item); null if it was never written with versions. */
  async getVersion(id: string): Promise<SeriesVersion | null> {
    this.stats.requests++;
    const version = await readVersion(this.table, this.tableName, id);
    if (version) this.stats.itemsRead++;
    return version;
  }

  /** True while this process is writing the series: a cache must not answer from what it holds meanwhile. */
  isWriting(id: string): boolean {
    return (this.writing.get(id) ?? 0) > 0;
  }

  /** The year-chunks in [fromYear, toYear], each with the version token of the write that stored it, for a cache to check. */
  async readChunks(id: string, fromYear: number, toYear: number, consistent: boolean): Promise<Map<number, { columns: RevisionColumns; token?: string }>> {
    const items =
      fromYear === toYear
        ? await this.getItem(seriesPk(id), chunkSk(fromYear), consistent)
        : await this.queryAll({
            TableName: this.tableName,
            ConsistentRead: consistent || undefined,
            KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
            ExpressionAttributeValues: { ':pk': seriesPk(id), ':a': chunkSk(fromYear), ':b': chunkSk(toYear) },
          });
    return new Map(items.map((item) => [Number(item.year), { columns: decodeChunkColumns(item), token: item.w === undefined ? undefined : String(item.w) }]));
  }

  async listMeta(): Promise<SeriesMeta[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      IndexName: CATALOG_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': CATALOG_PARTITION },
    });
    return items.map(toMeta);
  }

  /**
   * Every revision (all vintages) with a date in [from, to], sorted by date then realtimeStart: the
   * stored ones and, written out, the ones the series' rescales stand for.
   */
  async readRevisions(id: string, from?: string, to?: string, signal?: AbortSignal): Promise<Revision[]> {
    const [items, rescales] = await Promise.all([this.chunkItems(id, from, to, signal), this.readRescales(id, signal)]);
    const revisions = materialize(items.flatMap(decodeChunk), rescales);
    if (!from && !to) return revisions;
    return revisions.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
  }

  /** What is stored of a series, as stored: its revisions (without the rescales written out) and its rescales. */
  async readHistory(id: string): Promise<{ revisions: Revision[]; rescales: Rescale[] }> {
    const [items, rescales] = await Promise.all([this.chunkItems(id), this.readRescales(id)]);
    return { revisions: items.flatMap(decodeChunk), rescales };
  }

  /** The values as known on `asOf` (the latest when absent) with dates in [from, to], ascending. */
  async readKnown(id: string, from?: string, to?: string, asOf?: string, signal?: AbortSignal): Promise<Columns> {
    const [items, rescales] = await Promise.all([this.chunkItems(id, from, to, signal), this.readRescales(id, signal)]);
    return knownScaled(items.map(decodeChunkColumns), rescales, asOf, from, to);
  }

  /** The series' rescales in publication order (none for most series: one small read). */
  async readRescales(id: string, signal?: AbortSignal): Promise<Rescale[]> {
    return (await this.readRescalesStamped(id, false, signal)).value;
  }

  /** The rescales and the version token of the write that stored them, for a cache to check. */
  async readRescalesStamped(id: string, consistent: boolean, signal?: AbortSignal): Promise<{ value: Rescale[]; token?: string }> {
    this.stats.requests++;
    const out = await this.table.get({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: RESCALES_SK }, ConsistentRead: consistent || undefined }, { signal });
    if (!out.Item) return { value: [] };
    this.stats.itemsRead++;
    return { value: byPublication(decodeRescales(out.Item)), token: out.Item.w === undefined ? undefined : String(out.Item.w) };
  }

  /** Stores the series' full list of rescales (one item, measured first). Returns how to undo it. */
  async putRescales(id: string, rescales: Rescale[]): Promise<{ undo: Undo }> {
    return this.writingSeries(id, async () => {
      const token = randomUUID();
      this.stats.requests++;
      const previous = (await this.table.get({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: RESCALES_SK }, ConsistentRead: true })).Item;
      const item = { ...encodeRescales(id, byPublication(rescales)), w: token };
      assertItemsFit(id, [item]);
      await this.write([rescales.length ? { PutRequest: { Item: item } } : { DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } }]);
      this.stats.requests++;
      await writeVersion(this.table, this.tableName, id, token, { rescales: true });
      const restore: WriteRequest = previous ? { PutRequest: { Item: previous } } : { DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } };
      return { undo: () => this.writingSeries(id, () => this.write([restore])) };
    });
  }

  /** The year-chunks that hold dates in [from, to]. */
  private chunkItems(id: string, from?: string, to?: string, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    return this.queryAll(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': seriesPk(id), ':a': chunkSk(from ? yearOf(from) : 0), ':b': chunkSk(to ? yearOf(to) : 9999) },
      },
      signal,
    );
  }

  /** Every date on which a value of the series was published or revised, ascending. */
  async readVintages(id: string, signal?: AbortSignal): Promise<string[]> {
    const pages = await this.vintageItems(id, signal);
    if (pages.length) return pages.flatMap(datesOfPage);
    const meta = await this.table.get({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: META_SK }, ProjectionExpression: 'vintages' }, { signal });
    this.stats.requests++;
    return (meta.Item && legacyVintages(meta.Item)) ?? [];
  }

  /**
   * Stores the series' full, sorted list of vintage dates: only the yearly pages that change are
   * written, and pages of years no longer listed are deleted. Returns how to undo it.
   */
  async putVintages(id: string, vintages: string[]): Promise<{ undo: Undo }> {
    const before = await this.vintageItems(id);
    const old = new Map(before.map((item) => [String(item.sk), item]));
    const requests: WriteRequest[] = [];
    const restore: WriteRequest[] = [];
    const kept = new Set<string>();
    for (const page of vintagePages(id, vintages)) {
      kept.add(page.sk);
      const previous = old.get(page.sk);
      if (previous?.dates === page.dates) continue;
      requests.push({ PutRequest: { Item: { ...page } } });
      restore.push(previous ? { PutRequest: { Item: previous } } : { DeleteRequest: { Key: { pk: page.pk, sk: page.sk } } });
    }
    for (const [sk, item] of old) {
      if (kept.has(sk)) continue;
      requests.push({ DeleteRequest: { Key: { pk: seriesPk(id), sk } } });
      restore.push({ PutRequest: { Item: item } });
    }
    assertItemsFit(id, puts(requests));
    await this.writeOrUndo(requests, restore);
    return { undo: () => this.write(restore) };
  }

  /**
   * Idempotent upsert: only chunks whose content changes are written. Returns the count of new
   * revisions, and how to undo the write (the chunks it replaced put back, the ones it created
   * deleted). A write that fails part-way undoes itself before failing.
   */
  async writeRevisions(id: string, revisions: Revision[], options: { keepRepeats?: boolean } = {}): Promise<{ added: number; undo: Undo }> {
    if (revisions.length === 0) return { added: 0, undo: async () => undefined };
    return this.writingSeries(id, () => this.upsertChunks(id, revisions, options.keepRepeats ?? false));
  }

  /**
   * `keepRepeats`: a revision repeating the stored value before it is kept, not merged away (a series
   * with rescales, where it stops a rescale from scaling that day).
   */
  private async upsertChunks(id: string, revisions: Revision[], keepRepeats: boolean): Promise<{ added: number; undo: Undo }> {
    const token = randomUUID();
    const byYear = revisionsByYear(revisions);
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const stored = await this.readChunks(id, years[0], years[years.length - 1], false);
    let added = 0;
    const requests: WriteRequest[] = [];
    const restore: WriteRequest[] = [];
    for (const year of years) {
      const previous = stored.get(year);
      const existing = previous ? revisionsOf(previous.columns) : [];
      const result = (keepRepeats ? mergeStored : mergeRevisions)(existing, byYear.get(year)!);
      if (result.added === 0 && result.merged.length === existing.length) continue;
      added += result.added;
      requests.push({ PutRequest: { Item: { ...encodeChunk(id, year, result.merged), w: token } } });
      // An undo puts back the item exactly, its version token included, so a cache's check still holds.
      const restored = { ...encodeChunk(id, year, existing), ...(previous?.token ? { w: previous.token } : {}) };
      restore.push(existing.length ? { PutRequest: { Item: restored } } : { DeleteRequest: { Key: { pk: seriesPk(id), sk: chunkSk(year) } } });
    }
    assertItemsFit(id, puts(requests));
    await this.writeOrUndo(requests, restore);
    if (requests.length > 0) {
      this.stats.requests++;
      await writeVersion(this.table, this.tableName, id, token, { years: requests.flatMap((r) => ('PutRequest' in r ? [Number(r.PutRequest.Item.year)] : [])) });
    }
    return { added, undo: () => this.writingSeries(id, () => this.write(restore)) };
  }

  /**
   * Replaces the series' stored revisions by `revisions` (the same dates, year by year): for a
   * migration that stores the same history in fewer records. Only years whose content changes are
   * written; a write that fails part-way puts back what it replaced.
   */
  async rewriteRevisions(id: string, revisions: Revision[]): Promise<void> {
    await this.writingSeries(id, async () => {
      const token = randomUUID();
      const byYear = revisionsByYear(revisions);
      const years = [...byYear.keys()].sort((a, b) => a - b);
      const stored = await this.readChunks(id, 0, 9999, true);
      const requests: WriteRequest[] = [];
      const restore: WriteRequest[] = [];
      for (const [year, previous] of stored) {
        const rows = byYear.get(year);
        if (!rows) throw new Error(`series ${id}: a rewrite must keep every year; ${year} is missing`);
        const item = encodeChunk(id, year, rows);
        if (item.revs === encodeChunk(id, year, revisionsOf(previous.columns)).revs) continue;
        requests.push({ PutRequest: { Item: { ...item, w: token } } });
        restore.push({ PutRequest: { Item: { ...encodeChunk(id, year, revisionsOf(previous.columns)), ...(previous.token ? { w: previous.token } : {}) } } });
      }
      if (years.some((y) => !stored.has(y))) throw new Error(`series ${id}: a rewrite may not add years`);
      assertItemsFit(id, puts(requests));
      await this.writeOrUndo(requests, restore);
      if (requests.length) {
        this.stats.requests++;
        await writeVersion(this.table, this.tableName, id, token, { years: requests.map((r) => Number((r as { PutRequest: { Item: { year: number } } }).PutRequest.Item.year)) });
      }
    });
  }

  private async writingSeries<T>(id: string, write: () => Promise<T>): Promise<T> {
    this.writing.set(id, (this.writing.get(id) ?? 0) + 1);
    for (const listener of this.writeListeners) listener(id);
    try {
      return await write();
    } finally {
      const left = (this.writing.get(id) ?? 1) - 1;
      if (left > 0) this.writing.set(id, left);
      else this.writing.delete(id);
      for (const listener of this.writeListeners) listener(id);
    }
  }

  private async write(requests: WriteRequest[]): Promise<void> {
    if (requests.length > 0) this.stats.requests += (await batchWrite(this.table, this.tableName, requests)).requests;
  }

  /** Writes `requests`; when that fails part-way, writes `restore` (best effort) and fails with the first error. */
  private async writeOrUndo(requests: WriteRequest[], restore: WriteRequest[]): Promise<void> {
    try {
      await this.write(requests);
    } catch (err) {
      await this.write(restore).catch(() => undefined); // the store is failing; the caller sees the first error
      throw err;
    }
  }

  private vintageItems(id: string, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    return this.queryAll(
      {
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
        ExpressionAttributeValues: { ':pk': seriesPk(id), ':a': vintageSk(0), ':b': vintageSk(9999) },
      },
      signal,
    );
  }

  /** One item by its key, as a list of none or one: a cold container's reads then stay on one kind of call. */
  private async getItem(pk: string, sk: string, consistent: boolean): Promise<Record<string, unknown>[]> {
    this.stats.requests++;
    const out = await this.table.get({ TableName: this.tableName, Key: { pk, sk }, ConsistentRead: consistent || undefined });
    if (!out.Item) return [];
    this.stats.itemsRead++;
    return [out.Item];
  }

  private async queryAll(input: QueryInput, signal?: AbortSignal): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      this.stats.requests++;
      const out = await this.table.query({ ...input, ExclusiveStartKey: start }, { signal });
      items.push(...out.Items);
      start = out.LastEvaluatedKey;
    } while (start);
    this.stats.itemsRead += items.length;
    return items;
  }
}
