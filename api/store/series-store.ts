import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Revision, SeriesMeta } from '../series/types.js';
import { batchPut } from './batch-write.js';
import { decodeChunk, encodeChunk } from './chunk-codec.js';
import { CATALOG_INDEX, CATALOG_PARTITION, META_SK, chunkSk, seriesPk, yearOf } from './keys.js';
import { mergeRevisions } from './revisions.js';
import { readVersion, writeVersion, type SeriesVersion } from './versions.js';

export type { SeriesVersion } from './versions.js';

export interface StoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** Round trips and items read, so costs can be reported rather than guessed. */
export interface StoreStats {
  requests: number;
  itemsRead: number;
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'w']; // w: the version token of the write (versions.ts)

// Vintages are stored as one JSON string: a daily series has one per observation, and a string is
// far cheaper for DynamoDB to return and for the SDK to unmarshal than thousands of list elements.
function toMeta(item: Record<string, unknown>): SeriesMeta {
  const meta = { ...item };
  for (const k of KEY_ATTRS) delete meta[k];
  if (typeof meta.vintages === 'string') meta.vintages = JSON.parse(meta.vintages);
  return meta as unknown as SeriesMeta;
}

/** The only code that knows the table: series metadata beside per-year chunks of revisions. */
export class SeriesStore {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly stats: StoreStats = { requests: 0, itemsRead: 0 };
  /** Called when a write of a series starts and when it ends, so a cache in this process drops what it holds at once. */
  readonly writeListeners = new Set<(id: string) => void>();
  private readonly writing = new Map<string, number>();

  constructor(opts: StoreOptions) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async getMeta(id: string): Promise<SeriesMeta | null> {
    return (await this.getMetaStamped(id, false))?.meta ?? null;
  }

  /** The metadata and the version token of the write that stored it, for a cache to check. */
  async getMetaStamped(id: string, consistent: boolean): Promise<{ meta: SeriesMeta; token?: string } | null> {
    this.stats.requests++;
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: META_SK }, ConsistentRead: consistent || undefined }));
    if (!out.Item) return null;
    this.stats.itemsRead++;
    return { meta: toMeta(out.Item), token: out.Item.w === undefined ? undefined : String(out.Item.w) };
  }

  async putMeta(meta: SeriesMeta): Promise<void> {
    const token = randomUUID();
    const item = { ...meta, vintages: JSON.stringify(meta.vintages ?? []), pk: seriesPk(meta.id), sk: META_SK, gsi1pk: CATALOG_PARTITION, gsi1sk: meta.id, w: token };
    await this.writingSeries(meta.id, async () => {
      this.stats.requests++;
      await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
      this.stats.requests++;
      await writeVersion(this.client, this.tableName, meta.id, token, { meta: true });
    });
  }

  /** The series' current version (strongly consistent, one small item); null if it was never written with versions. */
  async getVersion(id: string): Promise<SeriesVersion | null> {
    this.stats.requests++;
    const version = await readVersion(this.client, this.tableName, id);
    if (version) this.stats.itemsRead++;
    return version;
  }

  /** True while this process is writing the series: a cache must not answer from what it holds meanwhile. */
  isWriting(id: string): boolean {
    return (this.writing.get(id) ?? 0) > 0;
  }

  /** The year-chunks in [fromYear, toYear], each with the version token of the write that stored it, for a cache to check. */
  async readChunks(id: string, fromYear: number, toYear: number, consistent: boolean): Promise<Map<number, { revisions: Revision[]; token?: string }>> {
    const items = await this.queryAll({
      TableName: this.tableName,
      ConsistentRead: consistent || undefined,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: { ':pk': seriesPk(id), ':a': chunkSk(fromYear), ':b': chunkSk(toYear) },
    });
    return new Map(items.map((item) => [Number(item.year), { revisions: decodeChunk(item), token: item.w === undefined ? undefined : String(item.w) }]));
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

  /** Every stored revision (all vintages) with a date in [from, to], sorted by date then realtimeStart. */
  async readRevisions(id: string, from?: string, to?: string): Promise<Revision[]> {
    const items = await this.queryAll({
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
      ExpressionAttributeValues: {
        ':pk': seriesPk(id),
        ':a': chunkSk(from ? yearOf(from) : 0),
        ':b': chunkSk(to ? yearOf(to) : 9999),
      },
    });
    const revisions = items.flatMap(decodeChunk);
    if (!from && !to) return revisions;
    return revisions.filter((r) => (!from || r.date >= from) && (!to || r.date <= to));
  }

  /** Idempotent upsert: only chunks whose content changes are written. Returns the count of new revisions. */
  async writeRevisions(id: string, revisions: Revision[]): Promise<{ added: number }> {
    if (revisions.length === 0) return { added: 0 };
    return this.writingSeries(id, () => this.upsertChunks(id, revisions));
  }

  private async upsertChunks(id: string, revisions: Revision[]): Promise<{ added: number }> {
    const token = randomUUID();
    const byYear = new Map<number, Revision[]>();
    for (const r of revisions) {
      const year = yearOf(r.date);
      byYear.set(year, [...(byYear.get(year) ?? []), r]);
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const stored = await this.readRevisions(id, `${years[0]}-01-01`, `${years[years.length - 1]}-12-31`);
    let added = 0;
    const items: Record<string, unknown>[] = [];
    for (const year of years) {
      const existing = stored.filter((r) => yearOf(r.date) === year);
      const result = mergeRevisions(existing, byYear.get(year)!);
      if (result.added === 0 && result.merged.length === existing.length) continue;
      added += result.added;
      items.push({ ...encodeChunk(id, year, result.merged), w: token });
    }
    if (items.length > 0) {
      this.stats.requests += (await batchPut(this.client, this.tableName, items)).requests;
      this.stats.requests++;
      await writeVersion(this.client, this.tableName, id, token, { years: items.map((item) => Number(item.year)) });
    }
    return { added };
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

  private async queryAll(input: QueryCommandInput): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      this.stats.requests++;
      const out = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    this.stats.itemsRead += items.length;
    return items;
  }
}
