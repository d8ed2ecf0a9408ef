import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ensureTable, startDynalite } from '../api/local/dynalite.js';
import { createDocumentClient } from '../api/store/client.js';
import { SeriesStore } from '../api/store/series-store.js';

/** A real dynalite on a random loopback port, in memory, with the table created from infra/. */
export async function startTestStore(tableName = 'tide-test') {
  const dynamo = await startDynalite();
  const client = createDocumentClient({ endpoint: dynamo.endpoint });
  await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }), tableName);
  const store = new SeriesStore({ client, tableName });
  return {
    store,
    client,
    endpoint: dynamo.endpoint,
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}
