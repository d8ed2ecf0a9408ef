import type { BatchWriteCommandInput, DeleteCommandInput, GetCommandInput, PutCommandInput, QueryCommandInput, UpdateCommandInput } from '@aws-sdk/lib-dynamodb';

// The table operations Tide uses, in the document client's shapes (plain JavaScript values, not
// DynamoDB's typed attribute values). The AWS SDK's document client provides them (sdk-table.ts); the
// port keeps the store's code to these six operations and lets tests put a faulty network between.

export type Item = Record<string, unknown>;

/** Attempts per call unless told otherwise: the first and four retries with backoff. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** What the client signs with for a local DynamoDB-compatible server, which checks no keys. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export interface CallOptions {
  /** Abandons the call (and its retries); it then fails with an AbortError. */
  signal?: AbortSignal;
}

export type GetInput = GetCommandInput;
export type QueryInput = QueryCommandInput;
export type PutInput = PutCommandInput;
export type UpdateInput = UpdateCommandInput;
export type DeleteInput = DeleteCommandInput;
export type BatchWriteInput = BatchWriteCommandInput;
export type WriteRequests = NonNullable<BatchWriteCommandInput['RequestItems']>;

export interface Table {
  get(input: GetInput, options?: CallOptions): Promise<{ Item?: Item }>;
  query(input: QueryInput, options?: CallOptions): Promise<{ Items: Item[]; LastEvaluatedKey?: Item }>;
  put(input: PutInput, options?: CallOptions): Promise<void>;
  update(input: UpdateInput, options?: CallOptions): Promise<void>;
  delete(input: DeleteInput, options?: CallOptions): Promise<void>;
  /** The requests DynamoDB left unprocessed come back, for the caller to retry (batch-write.ts). */
  batchWrite(input: BatchWriteInput, options?: CallOptions): Promise<{ UnprocessedItems?: WriteRequests }>;
  /** Closes the client's connections. */
  destroy(): void;
}
