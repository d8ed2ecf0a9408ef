import { CATALOG_INDEX } from '../store/keys.js';
import type { Table } from '../store/table.js';
import { generateApiKey, generateKeyId, hashApiKey } from './api-key.js';

// API keys live in the series table (layout in infra/README.md): one item per key under its hash,
// listed through the sparse catalog index under their own partition.

export const API_KEY_PARTITION = 'APIKEYS';
const apiKeyPk = (hash: string): string => `APIKEY#${hash}`;
const API_KEY_SK = 'APIKEY';

export interface ApiKeyRecord {
  keyId: string;
  name: string;
  created: string;
  revoked?: string;
}

const toRecord = (item: Record<string, unknown>): ApiKeyRecord => ({
  keyId: item.keyId as string,
  name: item.name as string,
  created: item.created as string,
  ...(item.revoked ? { revoked: item.revoked as string } : {}),
});

export class ApiKeyStore {
  constructor(
    private readonly table: Table,
    private readonly tableName: string,
  ) {}

  /** Stores a new key (random unless given) and returns it: the only time the key itself is seen. */
  async create(name: string, key = generateApiKey(), now = new Date()): Promise<{ key: string; record: ApiKeyRecord }> {
    const hash = hashApiKey(key);
    const record: ApiKeyRecord = { keyId: generateKeyId(), name, created: now.toISOString() };
    await this.table.put({
      TableName: this.tableName,
      Item: { pk: apiKeyPk(hash), sk: API_KEY_SK, hash, ...record, gsi1pk: API_KEY_PARTITION, gsi1sk: record.keyId },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    return { key, record };
  }

  /** The record of a presented key, or null when no such key was ever created. */
  async findByKey(key: string): Promise<ApiKeyRecord | null> {
    const out = await this.table.get({ TableName: this.tableName, Key: { pk: apiKeyPk(hashApiKey(key)), sk: API_KEY_SK } });
    return out.Item ? toRecord(out.Item) : null;
  }

  async list(): Promise<ApiKeyRecord[]> {
    const records: ApiKeyRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.table.query({
        TableName: this.tableName,
        IndexName: CATALOG_INDEX,
        KeyConditionExpression: 'gsi1pk = :p',
        ExpressionAttributeValues: { ':p': API_KEY_PARTITION },
        ExclusiveStartKey: start,
      });
      records.push(...out.Items.map(toRecord));
      start = out.LastEvaluatedKey;
    } while (start);
    return records.sort((a, b) => a.created.localeCompare(b.created));
  }

  /** Marks a key revoked (kept for the record); returns it, or null when no key has that id. */
  async revoke(keyId: string, now = new Date()): Promise<ApiKeyRecord | null> {
    const out = await this.table.query({
      TableName: this.tableName,
      IndexName: CATALOG_INDEX,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk = :id',
      ExpressionAttributeValues: { ':p': API_KEY_PARTITION, ':id': keyId },
    });
    const item = out.Items[0];
    if (!item) return null;
    if (item.revoked) return toRecord(item);
    const revoked = now.toISOString();
    await this.table.update({
      TableName: this.tableName,
      Key: { pk: item.pk, sk: item.sk },
      UpdateExpression: 'SET revoked = :r',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':r': revoked },
    });
    return { ...toRecord(item), revoked };
  }
}
