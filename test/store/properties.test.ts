import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../api/series/dates.js';
import type { Revision } from '../../api/series/types.js';
import { columnsAsOf } from '../../api/series/revisions.js';
import { startTestStore } from '../../support/local-store.js';

// Any set of points and vintages, written in any batches and order, reads back as of any date exactly
// as a plain model says: for each date, the newest revision published on or before asOf. Both reads
// agree with it: revisions turned into columns, and the columnar read.

let t: Awaited<ReturnType<typeof startTestStore>>;
beforeAll(async () => {
  t = await startTestStore('tide-props');
});
afterAll(() => t.close());

const revision = fc.record({
  day: fc.integer({ min: 0, max: 1100 }),
  lag: fc.integer({ min: 0, max: 400 }),
  value: fc.option(
    fc.integer({ min: -5000, max: 5000 }).map((v) => v / 4),
    { freq: 8 },
  ),
});

function model(written: Revision[], asOf?: string): Map<string, number | null> {
  const best = new Map<string, Revision>();
  for (const r of written) {
    if (asOf && r.realtimeStart > asOf) continue;
    const held = best.get(r.date);
    if (!held || r.realtimeStart >= held.realtimeStart) best.set(r.date, r); // later write wins a tie
  }
  return new Map([...best].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, r]) => [d, r.value]));
}

let counter = 0;
describe('store properties against dynalite', () => {
  it('reads back what was written, as of any date', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(revision, { maxLength: 40 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 1600 }), async (batches, asOfDay) => {
        const id = `P${counter++}`;
        const written: Revision[] = [];
        for (const batch of batches) {
          const revs = batch.map((r) => ({ date: addDays('2023-01-01', r.day), value: r.value, realtimeStart: addDays('2023-01-01', r.day + r.lag) }));
          await t.store.writeRevisions(id, revs);
          written.push(...revs);
        }
        const stored = await t.store.readRevisions(id);
        const asOf = addDays('2023-01-01', asOfDay);
        for (const when of [asOf, undefined]) {
          const got = columnsAsOf(stored, when);
          const want = model(written, when);
          expect(got.dates).toEqual([...want.keys()]);
          expect(got.values).toEqual([...want.values()]);
          // The columnar read (no revision objects) gives the same, whole and cut to a range.
          expect(await t.store.readKnown(id, undefined, undefined, when)).toEqual(got);
          const [from, to] = [addDays('2023-01-01', 200), addDays('2023-01-01', 700)];
          expect(await t.store.readKnown(id, from, to, when)).toEqual(columnsAsOf(await t.store.readRevisions(id, from, to), when));
        }
      }),
      { numRuns: 40 },
    );
  });
});
