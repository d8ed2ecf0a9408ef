import { ensureTable, startDynalite } from '../api/local/dynalite.js';
import { createDocumentClient } from '../api/store/client.js';
import { SeriesStore } from '../api/store/series-store.js';
import { createTable } from '../api/store/sdk-table.js';

/**
 * A real dynalite on a random loopback port, in memory, with the table created from infra/. The store
 * reads and writes through the client the functions deploy with; `client`, the AWS SDK's document
 * client on the same server, is for a test's own look at the table.
 */
export async function startTestStore(tableName = 'tide-test') {
  const dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, tableName);
  const table = createTable({ endpoint: dynamo.endpoint });
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  const store = new SeriesStore({ table, tableName });
  return {
    store,
    client,
    endpoint: dynamo.endpoint,
    async close() {
      table.destroy();
      client.destroy();
      await dynamo.close();
    },
  };
}
