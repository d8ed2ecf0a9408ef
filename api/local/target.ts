// Where the command-line tools (ingest, keys, load-sample) write: this belongs to the local runtime,
// which owns .data/, the dynalite it starts and the endpoint file of a running `npm start`.
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { readFile } from 'node:fs/promises';
import { ensureTable, startDynalite } from './dynalite.js';
import { LOCAL_TABLE, localPaths } from './paths.js';
import { createDocumentClient } from '../store/client.js';
import { SeriesStore } from '../store/series-store.js';

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
    const client = createDocumentClient({ region: opts.region });
    return { store: new SeriesStore({ client, tableName }), description: `DynamoDB table ${tableName}`, close: async () => client.destroy() };
  }
  const paths = localPaths();
  const endpoint = (await readFile(paths.endpointFile, 'utf8').catch(() => '')).trim();
  if (endpoint && (await answers(endpoint))) {
    const client = createDocumentClient({ endpoint });
    return { store: new SeriesStore({ client, tableName: LOCAL_TABLE }), description: `running local server (${endpoint})`, close: async () => client.destroy() };
  }
  const dynamo = await startDynalite({ path: paths.dynaliteDir });
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  await ensureTable(client as never, LOCAL_TABLE);
  return {
    store: new SeriesStore({ client, tableName: LOCAL_TABLE }),
    description: `local store (${paths.dynaliteDir})`,
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}
