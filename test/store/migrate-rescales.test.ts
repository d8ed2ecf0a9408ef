import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateSeries, migrateStore } from '../../api/store/migrate-rescales.js';
import { startTestStore } from '../../support/local-store.js';
import { runSoak, seriesItems } from '../../support/soak/run.js';
import { itemSize } from '../../api/store/item-size.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingest } from '../../api/ingest/pipeline.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { LOCAL_TABLE, dataPaths } from '../../api/local/paths.js';
import { startLocalServer } from '../../api/local/server.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';
import { PriceSource, tradingDays } from '../../support/soak/sources.js';

// A table written before rescales (every restated value a revision of its own), made by the soak's
// sources through the real pipeline with rescales off, then migrated in place: every answer the
// store gave before (every vintage's values, every revision) must come back the same, bit for bit.

type TestStore = Awaited<ReturnType<typeof startTestStore>>;
let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
  await runSoak(t.store, { years: 1, backfillYears: 1, rescales: false, only: ['SOAK_QDIV', 'SOAK_INDEX'], sampleEvery: 1000 });
}, 240_000);
afterAll(() => t.close());

async function answers(id: string) {
  const vintages = await t.store.readVintages(id);
  const known = await Promise.all([undefined, ...vintages].map((asOf) => t.store.readKnown(id, undefined, undefined, asOf)));
  return { vintages, known, revisions: await t.store.readRevisions(id), meta: await t.store.getMeta(id) };
}

const bytes = async (id: string) => (await seriesItems(t.store, id)).reduce((n, i) => n + itemSize(i), 0);

describe('migrating a store to rescales', () => {
  it('keeps every asOf answer and every revision, and stores fewer bytes', async () => {
    const ids = ['SOAK_QDIV', 'SOAK_INDEX'];
    const before = new Map(
      await Promise.all(ids.map(async (id) => [id, { answers: await answers(id), bytes: await bytes(id), revisions: (await t.store.readHistory(id)).revisions.length }] as const)),
    );
    expect(before.get('SOAK_QDIV')!.answers.vintages.length).toBeGreaterThan(200);

    const results = await migrateStore(t.store);
    const qdiv = results.find((m) => m.id === 'SOAK_QDIV')!;
    expect(qdiv.outcome).toBe('migrated');
    expect(qdiv.rescales).toBeGreaterThanOrEqual(4); // the quarterly dividends of the year of runs
    for (const id of ids) {
      const after = await answers(id);
      expect(after.vintages).toEqual(before.get(id)!.answers.vintages);
      expect(after.revisions).toEqual(before.get(id)!.answers.revisions);
      after.known.forEach((k, i) => expect(k).toEqual(before.get(id)!.answers.known[i]));
      expect(after.meta).toEqual(before.get(id)!.answers.meta);
    }
    const after = (await t.store.readHistory('SOAK_QDIV')).revisions.length;
    expect(after).toBeLessThan(before.get('SOAK_QDIV')!.revisions / 1.5);
    expect(await bytes('SOAK_QDIV')).toBeLessThan(before.get('SOAK_QDIV')!.bytes / 1.5);
    console.log(
      `migration: SOAK_QDIV ${before.get('SOAK_QDIV')!.revisions} → ${after} stored revisions + ${qdiv.rescales} rescales, ${before.get('SOAK_QDIV')!.bytes} → ${await bytes('SOAK_QDIV')} bytes`,
    );

    // again: nothing to do, nothing written
    const items = await seriesItems(t.store, 'SOAK_QDIV');
    expect((await migrateSeries(t.store, 'SOAK_QDIV')).outcome).toBe('has rescales');
    expect(await seriesItems(t.store, 'SOAK_QDIV')).toEqual(items);
  }, 120_000);
});

describe("npm start's store", () => {
  it('is migrated on its own when the local server starts, with every answer the same', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tide-migrate-'));
    try {
      // A local data folder written the old way: a quarterly payer's history, then the same history
      // after its next dividend, each restated close a revision of its own.
      const dynamo = await startDynalite({ path: dataPaths(dir).dynaliteDir });
      await ensureTable(dynamo.endpoint, LOCAL_TABLE);
      const table = createTable({ endpoint: dynamo.endpoint });
      const old = new SeriesStore({ table, tableName: LOCAL_TABLE });
      const days = tradingDays('2020-01-06', 400);
      const source = new PriceSource({ id: 'OLD_FUND', seed: 9, dividendEvery: 63, yield: 0.005 }, days);
      const meta = { id: 'OLD_FUND', name: 'old fund', unit: 'USD', frequency: 'DAILY' as const, source: { name: 'test', sourceId: 'OLD_FUND' } };
      for (const i of [300, 314, 315, 378])
        await ingest(old, 'test', [{ meta, revisions: source.historyOn(i), publication: 'fetched' }], { now: () => new Date(`${days[i]}T22:00:00Z`), rescales: false });
      const vintages = await old.readVintages('OLD_FUND');
      const before = await Promise.all(vintages.map((v) => old.readKnown('OLD_FUND', undefined, undefined, v)));
      const revisions = await old.readRevisions('OLD_FUND');
      const stored = (await old.readHistory('OLD_FUND')).revisions.length;
      table.destroy();
      await dynamo.close();

      const server = await startLocalServer({ dataDir: dir });
      try {
        const history = await server.store.readHistory('OLD_FUND');
        expect(history.rescales.length).toBeGreaterThanOrEqual(2); // the dividends on days 315 and 378
        expect(history.revisions.length).toBeLessThan(stored);
        expect(await server.store.readRevisions('OLD_FUND')).toEqual(revisions);
        for (const [i, v] of vintages.entries()) expect(await server.store.readKnown('OLD_FUND', undefined, undefined, v)).toEqual(before[i]);
      } finally {
        await server.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
