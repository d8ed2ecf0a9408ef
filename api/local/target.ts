// Where the command-line tools (ingest, keys, load-sample) write: this belongs to the local runtime,
// which owns .data/, the dynalite it starts and the endpoint file of a running `npm start`.
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readFile } from 'node:fs/promises';
import { ensureTable, startDynalite } from './dynalite.js';
import { LOCAL_TABLE, localPaths } from './paths.js';
import { createDocumentClient } from '../store/client.js';
import { SeriesStore } from '../store/series-store.js';
import { createTable } from '../store/sdk-table.js';

export interface Target {
  store: SeriesStore;
  description: string;
  close(): Promise<void>;
}

export interface TargetOptions {
  table?: string;
  stage?: string;
  region?: string;
}

async function answers(endpoint: string): Promise<boolean> {
  const client = createDocumentClient({ endpoint });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * Where a run writes: a deployed table (--table, or --stage → tide-STAGE, with the caller's AWS
 * credentials); else the running local server's DynamoDB (its endpoint file); else the local data
 * folder opened directly, which `npm start` reads on its next start. The local folder is the one
 * `npm start` uses (TIDE_DATA_DIR, else .data/), from the one definition in api/local/paths.ts.
 */
export async function openTarget(opts: TargetOptions = {}): Promise<Target> {
  if (opts.table || opts.stage) {
    const tableName = opts.table ?? `tide-${opts.stage}`;
    // The SDK's client here: the caller's credentials may come from profiles, SSO or a role to assume.
    const table = createTable({ region: opts.region });
    return { store: new SeriesStore({ table, tableName }), description: `DynamoDB table ${tableName}`, close: async () => table.destroy() };
  }
  const paths = localPaths();
  const endpoint = (await readFile(paths.endpointFile, 'utf8').catch(() => '')).trim();
  if (endpoint && (await answers(endpoint))) {
    const table = createTable({ endpoint });
    return { store: new SeriesStore({ table, tableName: LOCAL_TABLE }), description: `running local server (${endpoint})`, close: async () => table.destroy() };
  }
  const dynamo = await startDynalite({ path: paths.dynaliteDir });
  await ensureTable(dynamo.endpoint, LOCAL_TABLE);
  const table = createTable({ endpoint: dynamo.endpoint });
  return {
    store: new SeriesStore({ table, tableName: LOCAL_TABLE }),
    description: `local store (${paths.dynaliteDir})`,
    close: async () => {
      table.destroy();
      await dynamo.close();
    },
  };
}
