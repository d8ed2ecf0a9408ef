import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTable } from '../../api/store/sdk-table.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { itemSize } from '../../bench/model/item-size.js';
import { PartitionMeter, readUnits } from '../../bench/model/partition-meter.js';
import { startThroughputProxy } from '../../bench/model/throughput-proxy.js';
import { startTestStore } from '../../support/local-store.js';
import { writeSeries } from '../helpers/write-series.js';

// The bench's throughput proxy in front of a real dynalite: read units by item size, per partition,
// and DynamoDB's own throttling error once a partition's second of capacity is spent.

let t: Awaited<ReturnType<typeof startTestStore>>;
beforeAll(async () => {
  t = await startTestStore('tide-throughput');
  const meta = (id: string) => ({ id, name: id, unit: 'u', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } });
  const days = Array.from({ length: 700 }, (_, i) => new Date(Date.UTC(2023, 0, 2) + i * 86_400_000).toISOString().slice(0, 10));
  for (const id of ['HOT', 'COLD'])
    await writeSeries(
      t.store,
      meta(id),
      days.map((date, i) => ({ date, value: i / 7, realtimeStart: date })),
    );
});
afterAll(() => t.close());

describe('throughput proxy', () => {
  it('charges reads by item size and throttles one partition without touching another', async () => {
    const meter = new PartitionMeter(20, 20); // 20 RCU a second: a few reads of two ~10 KB chunks
    const proxy = await startThroughputProxy(t.endpoint, meter);
    const table = createTable({ endpoint: proxy.endpoint, maxAttempts: 1 });
    const store = new SeriesStore({ table, tableName: t.store.tableName });
    try {
      await store.readRevisions('HOT');
      const oneRead = meter.stats.readUnits;
      expect(oneRead).toBeGreaterThan(1); // two year-chunks of ~700 daily points: several 4 KB units
      // the same items straight from dynalite, sized by DynamoDB's rules: one Query, eventually consistent
      const raw = await new DynamoDBClient({ endpoint: t.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }).send(
        new QueryCommand({ TableName: t.store.tableName, KeyConditionExpression: 'pk = :p AND begins_with(sk, :c)', ExpressionAttributeValues: { ':p': { S: 'S#HOT' }, ':c': { S: 'C#' } } }),
      );
      // plus the look-up of the series' rescales item (absent here), charged DynamoDB's minimum read
      expect(oneRead).toBe(
        readUnits(
          raw.Items!.reduce((n, item) => n + itemSize(item as never), 0),
          false,
        ) + readUnits(0, false),
      );
      let error: Error | undefined;
      for (let i = 0; i < 40 && !error; i++) await store.readRevisions('HOT').catch((e: Error) => (error = e));
      expect(error?.name).toBe('ProvisionedThroughputExceededException');
      expect(meter.stats.throttled).toBeGreaterThan(0);
      await expect(store.readRevisions('COLD')).resolves.toHaveLength(700); // its own partition, its own budget
      await new Promise((resolve) => setTimeout(resolve, 1_100)); // a second refills the bucket
      await expect(store.readRevisions('HOT')).resolves.toHaveLength(700);
    } finally {
      table.destroy();
      await proxy.close();
    }
  });
});
