import { isItemRefusal, ItemWriteError } from './item-size.js';
import type { Table } from './table.js';

const BATCH_SIZE = 25; // DynamoDB's limit per BatchWriteItem
const MAX_ROUNDS = 8;

export type PutRequest = { PutRequest: { Item: Record<string, unknown> } };
export type DeleteRequest = { DeleteRequest: { Key: Record<string, unknown> } };
export type WriteRequest = PutRequest | DeleteRequest;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes requests in batches of 25 and retries UnprocessedItems with exponential backoff and jitter
 * (what DynamoDB asks of callers); fails loudly rather than dropping items.
 */
export async function batchWrite(table: Table, tableName: string, requests: WriteRequest[], baseDelayMs = 25): Promise<{ requests: number }> {
  let sent = 0;
  for (let i = 0; i < requests.length; i += BATCH_SIZE) {
    let pending: WriteRequest[] = requests.slice(i, i + BATCH_SIZE);
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) {
        throw new Error(`DynamoDB left ${pending.length} item(s) unprocessed after ${MAX_ROUNDS} attempts; nothing was skipped silently, re-run the write`);
      }
      if (round > 0) await sleep(baseDelayMs * 2 ** round * (0.5 + Math.random() / 2));
      const out = await table.batchWrite({ RequestItems: { [tableName]: pending } }).catch((e: unknown) => {
        // A refused item (too large, a bad attribute) is named with its key and size; a transient fault passes as it came.
        throw isItemRefusal(e)
          ? new ItemWriteError(
              e,
              pending.flatMap((r) => ('PutRequest' in r ? [r.PutRequest.Item] : [])),
            )
          : e;
      });
      sent++;
      pending = (out.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
  return { requests: sent };
}

/** Puts items in batches (see batchWrite). */
export const batchPut = (table: Table, tableName: string, items: Record<string, unknown>[], baseDelayMs = 25): Promise<{ requests: number }> =>
  batchWrite(
    table,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
    baseDelayMs,
  );
