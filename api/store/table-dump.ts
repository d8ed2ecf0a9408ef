import { batchPut } from './batch-write.js';
import { CATALOG_INDEX, META_SK } from './keys.js';
import type { Item, Table } from './table.js';

// A table's items, partition by partition, as text and back, exactly: what a backup to files and a
// restore from them need (cli/backup.ts). Through the Table port, so it runs on either client. A
// partition is found from the catalog index (every series' metadata, every API key) or named by the
// caller; every item under it is read (metadata, year chunks with every vintage, vintage pages,
// version token, check record), whatever the storage layout of the series is.

/** The partition keys of every item the catalog index lists under each of `indexPartitions`, plus `extra`, sorted, once each. */
export async function partitionKeys(table: Table, tableName: string, indexPartitions: string[], extra: string[] = []): Promise<string[]> {
  const pks = new Set(extra);
  for (const partition of indexPartitions) {
    for (const item of await queryAll(table, {
      TableName: tableName,
      IndexName: CATALOG_INDEX,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': partition },
      ProjectionExpression: 'pk',
    })) {
      pks.add(String(item.pk));
    }
  }
  return [...pks].sort();
}

/** Every item of one partition, in key order (consistent reads: a backup sees every write before it). */
export function readPartition(table: Table, tableName: string, pk: string): Promise<Item[]> {
  return queryAll(table, { TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
}

/** True when no item lives under any of `pks` and the catalog index lists nothing under `indexPartitions`. */
export async function holdsNone(table: Table, tableName: string, indexPartitions: string[], pks: string[]): Promise<boolean> {
  for (const partition of indexPartitions) {
    const out = await table.query({ TableName: tableName, IndexName: CATALOG_INDEX, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': partition }, Limit: 1 });
    if (out.Items.length) return false;
  }
  for (const pk of pks) {
    const out = await table.query({ TableName: tableName, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, Limit: 1, ConsistentRead: true });
    if (out.Items.length) return false;
  }
  return true;
}

/**
 * Writes items as they are. Metadata last: a series appears in the catalog only once its chunks are
 * in, so an import cut short lists no series whose values are missing.
 */
export async function putItems(table: Table, tableName: string, items: Item[]): Promise<void> {
  const meta = items.filter((i) => i.sk === META_SK);
  await batchPut(
    table,
    tableName,
    items.filter((i) => i.sk !== META_SK),
  );
  await batchPut(table, tableName, meta);
}

/** One item as one line of JSON; bytes and sets, which JSON has not, are tagged so they come back as they were. */
export function itemLine(item: Item): string {
  return JSON.stringify(item, (_key, value: unknown) => {
    if (value instanceof Uint8Array) return { $bytes: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
    if (value instanceof Set) return { $set: [...value] };
    return value;
  });
}

/** The item a line of `itemLine` holds; throws on anything that is not one. */
export function lineItem(line: string): Item {
  const item = JSON.parse(line, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$bytes') return new Uint8Array(Buffer.from(String((value as { $bytes: unknown }).$bytes), 'base64'));
      if (keys.length === 1 && keys[0] === '$set') return new Set((value as { $set: unknown[] }).$set);
    }
    return value;
  }) as unknown;
  if (!item || typeof item !== 'object' || Array.isArray(item) || typeof (item as Item).pk !== 'string' || typeof (item as Item).sk !== 'string') {
    throw new Error('not a table item (an object with string pk and sk)');
  }
  return item as Item;
}

async function queryAll(table: Table, input: Parameters<Table['query']>[0]): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const out = await table.query({ ...input, ExclusiveStartKey: start });
    items.push(...out.Items);
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}
