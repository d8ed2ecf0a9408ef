import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient, type ClientOptions } from './client.js';
import type { Table, WriteRequests } from './table.js';

/** The table through the AWS SDK's document client. */
export function sdkTable(client: DynamoDBDocumentClient): Table {
  return {
    get: async (input, o) => ({ Item: (await client.send(new GetCommand(input), { abortSignal: o?.signal })).Item }),
    query: async (input, o) => {
      const out = await client.send(new QueryCommand(input), { abortSignal: o?.signal });
      return { Items: out.Items ?? [], LastEvaluatedKey: out.LastEvaluatedKey };
    },
    put: async (input, o) => void (await client.send(new PutCommand(input), { abortSignal: o?.signal })),
    update: async (input, o) => void (await client.send(new UpdateCommand(input), { abortSignal: o?.signal })),
    delete: async (input, o) => void (await client.send(new DeleteCommand(input), { abortSignal: o?.signal })),
    batchWrite: async (input, o) => {
      const out = await client.send(new BatchWriteCommand(input), { abortSignal: o?.signal });
      return { UnprocessedItems: out.UnprocessedItems as WriteRequests | undefined };
    },
    destroy: () => client.destroy(),
  };
}

/** A table from `opts`, else the SDK's configuration chain (what a function's environment gives). */
export const createTable = (opts: ClientOptions = {}): Table => sdkTable(createDocumentClient(opts));
