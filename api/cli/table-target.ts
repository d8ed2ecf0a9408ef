import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureTable, startDynalite } from '../local/dynalite.js';
import { LOCAL_TABLE } from '../local/paths.js';
import { createDocumentClient } from '../store/client.js';

export interface TargetOptions {
  stage?: string;
  table?: string;
  region?: string;
  /** The local runtime's data folder (default .data). */
  dataDir: string;
}

export interface TableTarget {
  client: DynamoDBDocumentClient;
  tableName: string;
  describe: string;
  close(): Promise<void>;
}

/**
 * The table a command-line tool works on: a deployed stage's (AWS credentials from the usual places), the
 * table of a running `npm start` (it writes its endpoint to <data>/endpoint), or the local data
 * folder opened directly when nothing is running.
 */
export async function openTableTarget(opts: TargetOptions): Promise<TableTarget> {
  if (opts.table || opts.stage) {
    const tableName = opts.table ?? `tide-${opts.stage}`;
    const client = createDocumentClient({ region: opts.region });
    await check(client, tableName, `Check the stage/table name, the region (--region or AWS_REGION) and your AWS credentials`);
    return { client, tableName, describe: `table ${tableName}`, close: async () => client.destroy() };
  }
  const running = (await readFile(join(opts.dataDir, 'endpoint'), 'utf8').catch(() => '')).trim();
  if (running) {
    const client = createDocumentClient({ endpoint: running });
    await check(client, LOCAL_TABLE, `${join(opts.dataDir, 'endpoint')} names ${running}, but nothing answers there; if \`npm start\` is not running, delete that file`);
    return { client, tableName: LOCAL_TABLE, describe: `the running local server's table (${running})`, close: async () => client.destroy() };
  }
  await mkdir(opts.dataDir, { recursive: true });
  const dynamo = await startDynalite({ path: join(opts.dataDir, 'dynalite') });
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  await ensureTable(client as never, LOCAL_TABLE);
  return {
    client,
    tableName: LOCAL_TABLE,
    describe: `the local table in ${join(opts.dataDir, 'dynalite')}`,
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}

async function check(client: DynamoDBDocumentClient, tableName: string, advice: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
  } catch (err) {
    client.destroy();
    throw new Error(`cannot reach table ${tableName}: ${(err as Error).message}. ${advice}`);
  }
}
