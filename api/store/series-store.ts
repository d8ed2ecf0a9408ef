import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Revision, SeriesMeta } from '../series/types.js';
import { batchPut } from './batch-write.js';
import { decodeChunk, encodeChunk } from './chunk-codec.js';
import { CATALOG_INDEX, CATALOG_PARTITION, META_SK, chunkSk, seriesPk, yearOf } from './keys.js';
import { mergeRevisions } from '../series/revisions.js';

export interface StoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/** Round trips and items read, so costs can be reported rather than guessed. */
export interface StoreStats {
  requests: number;
  itemsRead: number;
}

const KEY_ATTRS = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];

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

  constructor(opts: StoreOptions) {
    this.client = opts.client;
    this.tableName = opts.tableName;
  }

  async getMeta(id: string): Promise<SeriesMeta | null> {
    this.stats.requests++;
    const out = await this.client.send(new GetCommand({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: META_SK } }));
    if (!out.Item) return null;
    this.stats.itemsRead++;
    return toMeta(out.Item);
  }

  async putMeta(meta: SeriesMeta): Promise<void> {
    const item = { ...meta, vintages: JSON.stringify(meta.vintages ?? []), pk: seriesPk(meta.id), sk: META_SK, gsi1pk: CATALOG_PARTITION, gsi1sk: meta.id };
    this.stats.requests++;
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: item }));
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
      items.push({ ...encodeChunk(id, year, result.merged) });
    }
    if (items.length > 0) this.stats.requests += (await batchPut(this.client, this.tableName, items)).requests;
    return { added };
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
