import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { readBundled } from '../../api/dataset/read-bundled.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { createHttpServer } from '../../api/local/http-server.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createDocumentClient } from '../../api/store/client.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { writeSeries } from '../helpers/write-series.js';
import type { AddressInfo } from 'node:net';

// Faults are injected on the wire between Tide's DynamoDB client (the one the functions deploy with) and a real dynalite: throttling, 5xx, a hung
// request and partially processed batches, as DynamoDB produces them.

const TABLE = 'tide-faults';
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let proxy: Awaited<ReturnType<typeof startFaultProxy>>;
let store: SeriesStore;
let url: string;
let apiKey: string;
let http: ReturnType<typeof createHttpServer>;

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, TABLE);
  proxy = await startFaultProxy(dynamo.endpoint);
  store = new SeriesStore({ table: createTable({ endpoint: proxy.endpoint, requestTimeoutMs: 1_000, maxAttempts: 4 }), tableName: TABLE });
  await loadBundled(store, 'data');
  ({ key: apiKey } = await new ApiKeyStore(store.table, TABLE).create('fault test'));
  // No cross-request cache: every request must reach DynamoDB for the faults to be met.
  http = createHttpServer(createGraphqlHandler(store, { cache: false }), { root: '.', ide: false });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
});
afterEach(() => proxy.clear());
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  await proxy.close();
  await dynamo.close();
});

async function july() {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
    body: JSON.stringify({ query: '{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-31") { values } } }' }),
  });
  return (await res.json()) as { data?: { series: { observations: { values: number[] } } }; errors?: { extensions: { code: string }; message: string }[] };
}

async function tableDump(endpoint: string) {
  const client = createDocumentClient({ endpoint });
  const out = await client.send(new ScanCommand({ TableName: TABLE })).finally(() => client.destroy());
  return (out.Items ?? [])
    .map((i) =>
      JSON.stringify(
        Object.fromEntries(
          Object.entries(i)
            .filter(([k]) => k !== 'lastUpdated' && k !== 'at' && !/^(v|w|m|y\d{4})$/.test(k))
            .sort(),
        ),
      ),
    )
    .sort(); // version tokens are random by design
}

describe('reads under DynamoDB faults', () => {
  it('retries a throttled Query and returns the right values', async () => {
    const clean = await july();
    proxy.inject('Query', { kind: 'throttle' }, 2);
    const res = await july();
    expect(proxy.injected.Query).toBeGreaterThanOrEqual(2);
    expect(res).toEqual(clean);
    expect(res.data?.series.observations.values).toHaveLength(22);
  });

  it('retries after a 500 and after a request that hangs past the timeout', async () => {
    const clean = await july();
    proxy.inject('Query', { kind: 'server-error' }, 1);
    proxy.inject('GetItem', { kind: 'hang', ms: 4_000 }, 1);
    const started = Date.now();
    expect(await july()).toEqual(clean);
    // The hung request was abandoned at the 1 s timeout and retried, not waited out.
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('fails cleanly with SERVICE_UNAVAILABLE when throttling outlasts the retries, then recovers', async () => {
    proxy.inject('Query', { kind: 'throttle' }, Infinity);
    const res = await july();
    expect(res.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0].message).toMatch(/retry/);
    proxy.clear();
    expect((await july()).data?.series.observations.values).toHaveLength(22);
  });
});

describe('writes under DynamoDB faults', () => {
  it('partially processed and throttled batches are retried: nothing lost, nothing doubled', async () => {
    const reference = await startDynalite();
    await ensureTable(reference.endpoint, TABLE);
    const refTable = createTable({ endpoint: reference.endpoint });
    const inputs = (await readBundled('data')).slice(0, 8);
    for (const { meta, revisions } of inputs) await writeSeries(new SeriesStore({ table: refTable, tableName: TABLE }), { ...meta, id: `W_${meta.id}` }, revisions);

    proxy.inject('BatchWriteItem', { kind: 'partial-batch' }, 6);
    proxy.inject('BatchWriteItem', { kind: 'throttle' }, 2);
    for (const { meta, revisions } of inputs) await writeSeries(store, { ...meta, id: `W_${meta.id}` }, revisions);
    expect(proxy.injected.BatchWriteItem).toBe(8);

    const ours = (await tableDump(dynamo.endpoint)).filter((row) => row.includes('"S#W_'));
    expect(ours).toEqual(await tableDump(reference.endpoint));
    refTable.destroy();
    await reference.close();
  });

  it('a write that keeps failing rejects and leaves the metadata as it was; re-running completes it', async () => {
    const [input] = (await readBundled('data')).filter((s) => s.meta.id === 'DGS2');
    const meta = { ...input.meta, id: 'FAIL_DGS2' };
    proxy.inject('BatchWriteItem', { kind: 'throttle' }, Infinity);
    await expect(writeSeries(store, meta, input.revisions)).rejects.toThrow();
    expect(await store.getMeta('FAIL_DGS2')).toBeNull();
    proxy.clear();
    expect(await writeSeries(store, meta, input.revisions)).toBe(input.revisions.length);
    expect(await store.readRevisions('FAIL_DGS2')).toHaveLength(input.revisions.length);
    expect(await store.getMeta('FAIL_DGS2')).toMatchObject({ firstDate: '2022-01-03', lastDate: '2024-12-31' });
  });
});
