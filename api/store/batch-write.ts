import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_SIZE = 25; // DynamoDB's limit per BatchWriteItem
const MAX_ROUNDS = 8;

export type PutRequest = { PutRequest: { Item: Record<string, unknown> } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Writes items in batches of 25 and retries UnprocessedItems with exponential backoff and jitter
 * (what DynamoDB asks of callers); fails loudly rather than dropping items.
 */
export async function batchPut(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
  baseDelayMs = 25,
): Promise<{ requests: number }> {
  let requests = 0;
  for (let i = 0; i < items.length; i += BATCH_SIZE) {
    let pending: PutRequest[] = items.slice(i, i + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round >= MAX_ROUNDS) {
        throw new Error(`DynamoDB left ${pending.length} item(s) unprocessed after ${MAX_ROUNDS} attempts; nothing was skipped silently, re-run the write`);
      }
      if (round > 0) await sleep(baseDelayMs * 2 ** round * (0.5 + Math.random() / 2));
      const out = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      requests++;
      pending = (out.UnprocessedItems?.[tableName] ?? []) as PutRequest[];
    }
  }
  return { requests };
}
