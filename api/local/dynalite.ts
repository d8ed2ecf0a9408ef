import { CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { Worker } from 'node:worker_threads';
import table from '../../infra/table.json' with { type: 'json' };
import { createDocumentClient } from '../store/client.js';

export interface LocalDynamo {
  endpoint: string;
  close(): Promise<void>;
}

/** An embedded DynamoDB-compatible server on loopback, on its own thread; persisted when `path` is given, in memory otherwise. */
export async function startDynalite(opts: { path?: string; port?: number } = {}): Promise<LocalDynamo> {
  const worker = new Worker(new URL('./dynalite-worker.mjs', import.meta.url), { workerData: { path: opts.path, port: opts.port } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (msg: { port?: number; error?: string }) => (msg.port ? resolve(msg.port) : reject(new Error(`dynalite did not start: ${msg.error}`))));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      const closed = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('close');
      await closed;
      await worker.terminate();
    },
  };
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
