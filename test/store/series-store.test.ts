import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../../api/series/dates.js';
import { revisionsOf } from '../../api/series/revision-columns.js';
import type { Revision } from '../../api/series/types.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { startTestStore } from '../../support/local-store.js';
import { writeSeries } from '../helpers/write-series.js';

type TestStore = Awaited<ReturnType<typeof startTestStore>>;
let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(() => t.close());

const meta = (id: string) => ({ id, name: id, unit: 'u', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } });
const rev = (date: string, value: number | null, realtimeStart = date): Revision => ({ date, value, realtimeStart });

async function chunkKeys(id: string): Promise<string[]> {
  const out = await t.client.send(new QueryCommand({ TableName: t.store.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `S#${id}` } }));
  return (out.Items ?? []).map((i) => String(i.sk));
}

describe('SeriesStore against dynalite', () => {
  it('round-trips values across year edges and a leap day, one item per series-year', async () => {
    const input = [rev('2023-12-29', 1.5), rev('2023-12-31', null), rev('2024-01-01', 2.25), rev('2024-02-29', 3), rev('2024-12-31', 4), rev('2025-01-01', 5)];
    expect(await writeSeries(t.store, meta('EDGE'), input)).toBe(6);
    expect(await t.store.readRevisions('EDGE')).toEqual(input);
    expect(await t.store.readRevisions('EDGE', '2024-01-01', '2024-12-31')).toEqual(input.slice(2, 5));
    // one chunk per series-year, the metadata, one page of vintage dates per year of release, and the version
    expect(await chunkKeys('EDGE')).toEqual(['C#2023', 'C#2024', 'C#2025', 'META', 'V#2023', 'V#2024', 'V#2025', 'VERSION']);
    const m = await t.store.getMeta('EDGE');
    expect(m).toMatchObject({ firstDate: '2023-12-29', lastDate: '2025-01-01' });
  });

  it('re-loading the same values writes nothing and keeps lastUpdated', async () => {
    const input = [rev('2024-03-01', 10), rev('2024-03-04', 11)];
    await writeSeries(t.store, meta('IDEM'), input);
    const before = await t.store.getMeta('IDEM');
    const requests = t.store.stats.requests;
    expect(await writeSeries(t.store, meta('IDEM'), input)).toBe(0);
    // one chunk read, one rescales read and one metadata read; no write
    expect(t.store.stats.requests - requests).toBe(3);
    expect(await t.store.getMeta('IDEM')).toEqual(before);
  });

  it('answers as of a date: before the first release nothing, then the first print, then the revision', async () => {
    await writeSeries(t.store, meta('REV'), [rev('2024-06-01', 313.049, '2024-07-11'), rev('2024-06-01', 313.044, '2026-02-11')]);
    const all = await t.store.readRevisions('REV');
    const { columnsAsOf } = await import('../../api/series/revisions.js');
    expect(columnsAsOf(all, '2024-07-10')).toEqual({ dates: [], values: [] });
    expect(columnsAsOf(all, '2024-08-15').values).toEqual([313.049]);
    expect(columnsAsOf(all).values).toEqual([313.044]);
    expect(await t.store.readVintages('REV')).toEqual(['2024-07-11', '2026-02-11']);
    expect(await t.store.getMeta('REV')).toMatchObject({ firstVintage: '2024-07-11', lastVintage: '2026-02-11' });
  });

  it('retries UnprocessedItems until every chunk is written', async () => {
    let withheld = 0;
    // Between the store and dynalite: hold back all but one item of each batch, as a throttled table does.
    const table = t.store.table;
    const store = new SeriesStore({
      table: {
        ...table,
        async batchWrite(input, o) {
          const [name, requests] = Object.entries(input.RequestItems!)[0];
          const held = requests.slice(1);
          withheld += held.length;
          await table.batchWrite({ RequestItems: { [name]: requests.slice(0, 1) } }, o);
          return { UnprocessedItems: held.length ? { [name]: held } : undefined };
        },
      },
      tableName: t.store.tableName,
    });
    const input = [2019, 2020, 2021, 2022].map((y) => rev(`${y}-06-30`, y));
    await store.writeRevisions('RETRY', input);
    expect(withheld).toBeGreaterThan(0);
    expect(await t.store.readRevisions('RETRY')).toEqual(input);
  });

  it('reads one year-chunk with a GetItem, a span of years with one Query; both with the stamp of the write', async () => {
    const input = [rev('2022-03-01', 1), rev('2023-03-01', 2), rev('2023-09-01', 3), rev('2024-03-01', 4)];
    await writeSeries(t.store, meta('ONEYEAR'), input);
    const calls: string[] = [];
    const table = t.store.table;
    const store = new SeriesStore({
      table: { ...table, get: (input, o) => (calls.push('GetItem'), table.get(input, o)), query: (input, o) => (calls.push('Query'), table.query(input, o)) },
      tableName: t.store.tableName,
    });
    const one = await store.readChunks('ONEYEAR', 2023, 2023, false);
    const strong = await store.readChunks('ONEYEAR', 2023, 2023, true);
    const none = await store.readChunks('ONEYEAR', 2019, 2019, false);
    const span = await store.readChunks('ONEYEAR', 2022, 2024, false);
    expect(calls).toEqual(['GetItem', 'GetItem', 'GetItem', 'Query']);
    expect([...one.keys()]).toEqual([2023]);
    expect(revisionsOf(one.get(2023)!.columns)).toEqual(input.slice(1, 3));
    expect(strong).toEqual(one);
    expect(none.size).toBe(0);
    expect(span.get(2023)).toEqual(one.get(2023));
    // the stamp is the token the series' version gives that year
    const version = await t.store.getVersion('ONEYEAR');
    expect(one.get(2023)!.token).toBe(version!.years.get(2023));
  });

  it('follows Query pagination past the 1 MB page limit', async () => {
    const input: Revision[] = [];
    for (let day = 0; day < 30 * 365; day++) {
      const date = addDays('1990-01-01', day);
      for (let v = 0; v < 4; v++) input.push(rev(date, day + v / 10, addDays(date, v * 30)));
    }
    await t.store.writeRevisions('LONG', input);
    const requests = t.store.stats.requests;
    const read = await t.store.readRevisions('LONG');
    expect(read).toHaveLength(input.length);
    expect(t.store.stats.requests - requests).toBeGreaterThan(1);
  });
});
