import { CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import table from '../../infra/table.json' with { type: 'json' };
import { createDocumentClient } from '../store/client.js';
import { startSupervisedStore, type SupervisorOptions } from './store-supervisor.js';

export interface LocalDynamo {
  endpoint: string;
  /** The store's process id now (it changes when the supervisor restarts it). */
  readonly pid: number | undefined;
  /** How many times the supervisor has restarted it. */
  readonly restarts: number;
  close(): Promise<void>;
}

/**
 * An embedded DynamoDB-compatible server on loopback, in a process of its own that is watched and
 * restarted (store-supervisor.ts); persisted when `path` is given, in memory otherwise.
 */
export function startDynalite(opts: SupervisorOptions = {}): Promise<LocalDynamo> {
  return startSupervisedStore(opts);
}

/**
 * Creates the table from infra/table.json on the local server at `endpoint` unless it exists: the same
 * definition CloudFormation deploys.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = createDocumentClient({ endpoint });
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
    await client.send(new CreateTableCommand({ ...(table as unknown as Omit<CreateTableCommandInput, 'TableName'>), TableName: tableName }));
  } finally {
    client.destroy();
  }
}
