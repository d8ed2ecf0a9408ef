import fc from 'fast-check';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Revision } from '../../api/series/types.js';
import { createTable } from '../../api/store/sdk-table.js';
import { seriesPk, VERSION_SK } from '../../api/store/keys.js';
import { ReadCache } from '../../api/store/read-cache.js';
import { columnsAsOf } from '../../api/series/revisions.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { startTestStore } from '../../support/local-store.js';
import { writeSeries } from '../helpers/write-series.js';

// The cross-request cache against a real dynalite: after any write, a read through a warm cache
// returns exactly what the store holds, never an older value.

let t: Awaited<ReturnType<typeof startTestStore>>;
beforeAll(async () => {
  t = await startTestStore('tide-cache');
});
afterAll(() => t.close());

const describeSeries = (id: string) => ({ id, name: id, unit: 'Index', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } });
const days = (from: string, n: number): string[] => Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10));
const latest = (revs: Revision[]) => columnsAsOf(revs);

describe('a warm cache in the same container as the writer', () => {
  it('serves a write made through the same store on the very next read, chunks and metadata alike', async () => {
    const cache = new ReadCache(t.store, { versionTtlMs: 60_000 }); // a long TTL: only invalidation can make this pass
    const dates = days('2023-12-20', 20);
    await writeSeries(
      t.store,
      describeSeries('W1'),
      dates.map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    const warm = cache.forRequest();
    expect(latest(await warm.readRevisions('W1', '2023-12-20', '2024-01-08')).values).toEqual(dates.map((_, i) => i));
    expect((await warm.getMeta('W1'))?.lastDate).toBe('2024-01-08');

    // A correction of 2024-01-02 and a new year-end point: one existing chunk rewritten, one new year.
    await writeSeries(t.store, describeSeries('W1'), [
      { date: '2024-01-02', value: 99, realtimeStart: '2024-01-10' },
      { date: '2025-01-02', value: 7, realtimeStart: '2025-01-02' },
    ]);
    const next = cache.forRequest();
    const after = latest(await next.readRevisions('W1', '2023-12-20', '2025-12-31'));
    expect(after.dates.slice(-2)).toEqual(['2024-01-08', '2025-01-02']);
    expect(after.values[after.dates.indexOf('2024-01-02')]).toBe(99);
    expect((await next.getMeta('W1'))?.lastDate).toBe('2025-01-02');
    expect(await next.readRevisions('W1')).toEqual(await t.store.readRevisions('W1'));
  });

  it('serves the values known now, kept joined across requests, anew after a write', async () => {
    const cache = new ReadCache(t.store, { versionTtlMs: 60_000 });
    const dates = days('2023-12-28', 10);
    await writeSeries(
      t.store,
      describeSeries('K1'),
      dates.map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    expect((await cache.forRequest().readKnown('K1')).values).toEqual(dates.map((_, i) => i));
    const again = await cache.forRequest().readKnown('K1');
    expect(cache.stats.columnsHits).toBe(1); // the second request reused the joined columns
    expect(again.values).toEqual(dates.map((_, i) => i));

    await writeSeries(t.store, describeSeries('K1'), [{ date: '2024-01-02', value: 99, realtimeStart: '2024-01-10' }]);
    const after = await cache.forRequest().readKnown('K1');
    expect(after.values[after.dates.indexOf('2024-01-02')]).toBe(99);
    // As known before the correction, and within a range cut inside a year.
    expect(await cache.forRequest().readKnown('K1', undefined, undefined, '2024-01-09')).toEqual(columnsAsOf(await t.store.readRevisions('K1'), '2024-01-09'));
    expect(await cache.forRequest().readKnown('K1', '2023-12-30', '2024-01-03')).toEqual(columnsAsOf(await t.store.readRevisions('K1', '2023-12-30', '2024-01-03')));
  });

  it('never returns older than the store across any interleaving of writes and reads (property)', async () => {
    const cache = new ReadCache(t.store, { versionTtlMs: 60_000, maxRevisions: 50 }); // small: eviction happens too
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ day: fc.integer({ min: 0, max: 800 }), value: fc.integer({ min: -1000, max: 1000 }), reads: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }),
        async (steps) => {
          const id = `PW${n++}`;
          for (const [i, step] of steps.entries()) {
            const date = days('2022-01-01', 801)[step.day];
            // reads racing the write may see either state; the read after it must see the new one
            const racing = Array.from({ length: step.reads }, (_, r) => (r % 2 ? cache.forRequest().readKnown(id) : cache.forRequest().readRevisions(id)));
            await writeSeries(t.store, describeSeries(id), [{ date, value: step.value, realtimeStart: `2025-01-${String(10 + i).padStart(2, '0')}` }]);
            await Promise.all(racing);
            const view = cache.forRequest();
            const stored = await t.store.readRevisions(id);
            expect(await view.readRevisions(id)).toEqual(stored);
            expect(await view.readKnown(id)).toEqual(columnsAsOf(stored));
            const asOf = `2025-01-${String(10 + Math.floor(i / 2)).padStart(2, '0')}`;
            expect(await cache.forRequest().readKnown(id, undefined, undefined, asOf)).toEqual(columnsAsOf(stored, asOf));
            expect(await view.getMeta(id)).toEqual(await t.store.getMeta(id));
          }
          expect(cache.size).toBeLessThanOrEqual(50 + 1);
        },
      ),
      { numRuns: 10 },
    );
  });
});

describe('a warm cache in another container', () => {
  it('sees another writer within the version TTL; with a TTL of 0, at once', async () => {
    const dates = days('2024-03-01', 10);
    await writeSeries(
      t.store,
      describeSeries('X1'),
      dates.map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    // A second container: its own client, store and cache over the same table.
    const other = new SeriesStore({ table: createTable({ endpoint: t.endpoint }), tableName: t.store.tableName });
    const strict = new ReadCache(other, { versionTtlMs: 0 });
    const lagging = new ReadCache(other, { versionTtlMs: 300 });
    expect(latest(await strict.forRequest().readRevisions('X1')).values.at(-1)).toBe(9);
    expect(latest(await lagging.forRequest().readRevisions('X1')).values.at(-1)).toBe(9);

    await writeSeries(t.store, describeSeries('X1'), [{ date: '2024-03-10', value: 42, realtimeStart: '2024-03-11' }]);
    expect(latest(await strict.forRequest().readRevisions('X1')).values.at(-1)).toBe(42);
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(latest(await lagging.forRequest().readRevisions('X1')).values.at(-1)).toBe(42);
    other.table.destroy();
  });

  it('a warm repeated read costs one small read with a TTL of 0, and none within the TTL', async () => {
    await writeSeries(
      t.store,
      describeSeries('R1'),
      days('2022-01-03', 900).map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    const other = new SeriesStore({ table: createTable({ endpoint: t.endpoint }), tableName: t.store.tableName });
    const strict = new ReadCache(other, { versionTtlMs: 0 });
    const ttl = new ReadCache(other, { versionTtlMs: 60_000 });
    for (const cache of [strict, ttl]) {
      const first = cache.forRequest();
      await first.getMeta('R1');
      await first.readRevisions('R1', '2022-06-01', '2024-05-01');
    }
    const cost = async (cache: ReadCache) => {
      const before = { ...other.stats };
      const view = cache.forRequest();
      const meta = await view.getMeta('R1');
      const revs = await view.readRevisions('R1', '2022-06-01', '2024-05-01');
      expect(meta?.lastDate).toBe('2024-06-20');
      expect(revs[0].date).toBe('2022-06-01');
      return { requests: other.stats.requests - before.requests, items: other.stats.itemsRead - before.itemsRead };
    };
    expect(await cost(strict)).toEqual({ requests: 1, items: 1 }); // the version item only
    expect(await cost(ttl)).toEqual({ requests: 0, items: 0 });
    expect(strict.stats.chunkMisses).toBe(3); // 2022, 2023, 2024 once each
    other.table.destroy();
  });
});

describe('a write under way in another container', () => {
  it('a chunk whose stamp is not the one its version names is answered fresh and not kept', async () => {
    await writeSeries(
      t.store,
      describeSeries('M1'),
      days('2024-01-01', 5).map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    // Another writer has put a new 2024 chunk (its own stamp) and not yet updated the version.
    const [item] = (
      await t.client.send(new QueryCommand({ TableName: t.store.tableName, KeyConditionExpression: 'pk = :p AND sk = :s', ExpressionAttributeValues: { ':p': seriesPk('M1'), ':s': 'C#2024' } }))
    ).Items!;
    const racing = { ...item, revs: JSON.stringify({ d: ['2024-01-01'], v: [77], r: ['2024-01-01'] }), count: 1, w: 'another-writer' };
    await t.client.send(new PutCommand({ TableName: t.store.tableName, Item: racing }));
    const other = new SeriesStore({ table: createTable({ endpoint: t.endpoint }), tableName: t.store.tableName });
    const cache = new ReadCache(other, { versionTtlMs: 60_000 });
    for (let i = 0; i < 2; i++) expect(latest(await cache.forRequest().readRevisions('M1')).values).toEqual([77]);
    expect(cache.size).toBe(0);
    expect(cache.stats.chunkHits).toBe(0);
    other.table.destroy();
  });
});

describe('data written before versions existed', () => {
  it('is read straight from the store, never cached', async () => {
    await writeSeries(
      t.store,
      describeSeries('L1'),
      days('2024-01-01', 5).map((date, i) => ({ date, value: i, realtimeStart: date })),
    );
    await t.client.send(new DeleteCommand({ TableName: t.store.tableName, Key: { pk: seriesPk('L1'), sk: VERSION_SK } }));
    const cache = new ReadCache(t.store, { versionTtlMs: 60_000 });
    expect(latest(await cache.forRequest().readRevisions('L1')).values).toEqual([0, 1, 2, 3, 4]);
    expect(latest(await cache.forRequest().readRevisions('L1')).values).toEqual([0, 1, 2, 3, 4]);
    expect(cache.stats.chunkHits + cache.stats.chunkMisses).toBe(0);
    expect(cache.size).toBe(0);
  });
});
