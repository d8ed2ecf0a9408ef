import { CreateTableCommand, DescribeTableCommand, type DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import table from '../../infra/table.json' with { type: 'json' };

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** An embedded DynamoDB-compatible server on loopback; persisted when `path` is given, in memory otherwise. */
export async function startDynalite(opts: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  const server = dynalite({ path: opts.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Creates the table from infra/table.json unless it exists: the same definition CloudFormation deploys. */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
  }
  await client.send(new CreateTableCommand({ ...(table as unknown as Omit<CreateTableCommandInput, 'TableName'>), TableName: tableName }));
}
