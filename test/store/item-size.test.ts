import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { ingest } from '../../api/ingest/pipeline.js';
import { addDays } from '../../api/series/dates.js';
import type { Revision } from '../../api/series/types.js';
import { DomainError } from '../../api/errors/domain-error.js';
import { ITEM_BUDGET, itemSize } from '../../api/store/item-size.js';
import { itemSize as wireItemSize } from '../../bench/model/item-size.js';
import { startTestStore } from '../../support/local-store.js';

type TestStore = Awaited<ReturnType<typeof startTestStore>>;
let t: TestStore;
beforeAll(async () => {
  t = await startTestStore();
});
afterAll(() => t.close());

const meta = (id: string) => ({ id, name: id, unit: 'u', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } });

async function items(id: string): Promise<Record<string, unknown>[]> {
  const out = await t.client.send(new QueryCommand({ TableName: t.store.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': `S#${id}` } }));
  return out.Items ?? [];
}

/** A year of daily values re-published on `vintages` days: one year-chunk holding days × vintages revisions. */
function restatedYear(vintages: number): Revision[] {
  const out: Revision[] = [];
  for (let d = 0; d < 366; d++) for (let v = 0; v < vintages; v++) out.push({ date: addDays('2024-01-01', d), value: 100 + d + v / 7, realtimeStart: addDays('2025-01-01', d + v) });
  return out;
}

describe('item size', () => {
  it('sizes an item as DynamoDB counts it, the same as the wire-form sizing of the bench model', () => {
    const item = { pk: 'S#X', sk: 'C#2024', year: 2024, count: 3, revs: JSON.stringify({ d: ['2024-01-02'], v: [1.5], r: ['2024-01-02'] }), w: 'é-token', flag: true, none: null, list: [1, 'a'] };
    expect(itemSize(item)).toBe(wireItemSize(marshall(item) as never));
  });

  it('an ingest that would store an item over the budget is refused by name and leaves the series as it was', async () => {
    const first = restatedYear(1);
    await ingest(t.store, 'test', [{ meta: meta('BIG'), revisions: first, publication: 'stamped' }]);
    const before = await items('BIG');

    const huge = restatedYear(32); // 11,712 revisions in 2024's chunk: about 470 KB
    // The job reports it on the series (a series is its own unit, run.ts); nothing of it is stored.
    const [outcome] = await ingest(t.store, 'test', [{ meta: meta('BIG'), revisions: huge, publication: 'stamped' }]);
    expect(outcome.error).toMatch(/^BIG: .*not written.*: series BIG: item C#2024 would be \d+ bytes, over the \d+-byte budget .*nothing of this write was stored$/);
    // The store's own refusal is the coded error.
    const error = await t.store.writeRevisions('BIG', huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ITEM_TOO_LARGE', details: { series: 'BIG', item: 'C#2024', budget: ITEM_BUDGET } });
    expect((error as DomainError).details.bytes).toBeGreaterThan(ITEM_BUDGET);
    // every item exactly as before: chunks, vintage pages, metadata, version
    expect(await items('BIG')).toEqual(before);
    expect(await t.store.readRevisions('BIG')).toEqual(first);
  });

  it('a write just under the budget is stored', async () => {
    const fits = restatedYear(24); // about 350 KB
    await ingest(t.store, 'test', [{ meta: meta('FITS'), revisions: fits, publication: 'stamped' }]);
    const chunk = (await items('FITS')).find((i) => i.sk === 'C#2024')!;
    expect(itemSize(chunk)).toBeLessThanOrEqual(ITEM_BUDGET);
    expect(itemSize(chunk)).toBeGreaterThan(300 * 1024);
    expect((await t.store.readRevisions('FITS')).length).toBe(fits.length);
  });
});
