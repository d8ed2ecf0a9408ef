import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createDocumentClient } from '../../api/store/client.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';

/** A fresh in-memory dynalite on a random loopback port with the real table and store. */
export async function startLocalStore(tableName = 'tide-test') {
  const dynamo = await startDynalite({});
  await ensureTable(dynamo.endpoint, tableName);
  const table = createTable({ endpoint: dynamo.endpoint });
  const client = createDocumentClient({ endpoint: dynamo.endpoint }); // a test's own look at the table
  const store = new SeriesStore({ table, tableName });
  return {
    endpoint: dynamo.endpoint,
    client,
    store,
    /** every item in the table, sorted by key, for whole-table comparisons; version tokens (random by design) left out */
    async scan(): Promise<Record<string, unknown>[]> {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const out = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
        items.push(...(out.Items ?? []).map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => !/^(v|w|m|y\d{4})$/.test(k)))));
        start = out.LastEvaluatedKey;
      } while (start);
      return items.sort((a, b) => (`${a.pk}|${a.sk}` < `${b.pk}|${b.sk}` ? -1 : 1));
    },
    async close() {
      table.destroy();
      client.destroy();
      await dynamo.close();
    },
  };
}
