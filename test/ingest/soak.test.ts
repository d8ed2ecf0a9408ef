import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache } from '../../api/store/read-cache.js';
import { ITEM_BUDGET } from '../../api/store/item-size.js';
import { startTestStore } from '../../support/local-store.js';
import { printsOf, runSoak, type SoakResult } from '../../support/soak/run.js';

// Ten simulated years of daily ingest runs through the real pipeline against dynalite, on sources
// that restate (support/soak/sources.ts): quarterly and monthly dividend payers, a 2-for-1 split
// followed by the provider re-adjusting the whole history, and a monthly index revised twice after
// each release and rebased every year. Each run is sent the whole history, as a provider sends it.
// The expected values are the simulated provider's own numbers on each sampled day, computed apart
// from Tide (raw closes times the factors of the actions up to that day, rounded to 4 decimals).

const YEARS = 10;
const BACKFILL = 1;
let t: Awaited<ReturnType<typeof startTestStore>>;
let soak: SoakResult;
beforeAll(async () => {
  t = await startTestStore();
  // SOAK_SPLIT pays quarterly; the compact window keeps a quiet day's run small (its cost is the store's).
  soak = await runSoak(t.store, { years: YEARS, backfillYears: BACKFILL, only: ['SOAK_SPLIT', 'SOAK_MDIV', 'SOAK_INDEX'], window: 20 });
  console.log(`soak: ${soak.runs} daily runs in ${soak.seconds.toFixed(0)} s`);
  for (const f of soak.figures)
    console.log(
      `soak: ${f.id} ${f.observations} observations, ${f.restatementDays} source actions, ${f.rescalesStored} rescales, ${f.storedRevisions} stored revisions, ${f.bytes} bytes in ${f.items} items, largest ${f.largestItem.sk} ${f.largestItem.bytes} bytes, full read ${f.readMsDayOne.toFixed(1)} → ${f.readMsEnd.toFixed(1)} ms`,
    );
}, 3_600_000);
afterAll(() => t?.close());

describe(`soak: ${YEARS} years of daily runs on sources that restate`, () => {
  it('answers asOf every sampled day with the history the source sent that day', async () => {
    const cache = new ReadCache(t.store).forRequest();
    let values = 0;
    let exact = 0;
    for (const s of soak.samples) {
      const known = await t.store.readKnown(s.id, undefined, undefined, s.asOf);
      expect(known.dates, `${s.id} as of ${s.asOf}`).toEqual(s.expected.map((r) => r.date));
      const unit = s.id === 'SOAK_INDEX' ? 1e-3 : 1e-4; // the source's last decimal
      known.values.forEach((v, i) => {
        const sent = s.expected[i].value!;
        if (Math.abs(v! - sent) > unit * (1 + 1e-9)) expect.fail(`${s.id} ${s.expected[i].date} as of ${s.asOf}: ${v}, the source sent ${sent}`);
        if (v === sent) exact++;
      });
      values += known.values.length;
      // the cached read path (what the functions serve from) answers the same
      if (s.asOf.endsWith('5')) expect(await cache.readKnown(s.id, undefined, undefined, s.asOf)).toEqual(known);
    }
    expect(soak.samples.length).toBeGreaterThan(200);
    console.log(`soak: ${values} values checked on ${soak.samples.length} sampled days, ${((100 * exact) / values).toFixed(1)} % equal to the bit, the rest within one unit of the last decimal`);
    // most values are never rescaled, or rescaled to exactly the provider's rounding
    expect(exact / values).toBeGreaterThan(0.6);
  });

  it('keeps every item small and the bytes of a series linear in observations plus actions', () => {
    for (const f of soak.figures) {
      // a year-chunk of daily values is ~9 KB and stays so: nothing a restatement adds lands in it
      expect(f.largestItem.bytes, f.id).toBeLessThan(16 * 1024);
      expect(f.largestItem.bytes).toBeLessThan(ITEM_BUDGET / 20);
      // ~36 bytes an observation (date, value, publication day, vintage page), ~60 a rescale, and
      // the few hundred bytes of metadata and version per year
      expect(f.bytes, f.id).toBeLessThan(50 * f.observations + 200 * f.restatementDays + 4096 * (YEARS + BACKFILL + 1));
      // what is stored value by value: each print of an observation once (a close is printed once; the
      // index's month three times: first release and two revisions), plus the few days no rescale described
      const prints = printsOf(f.id);
      expect(f.storedRevisions, f.id).toBeLessThan(f.observations * prints * 1.1 + 10);
    }
    const prices = soak.figures.filter((f) => f.id !== 'SOAK_INDEX');
    for (const f of prices) expect(f.rescalesStored, f.id).toBeGreaterThanOrEqual(YEARS * 4 - 4);
  });

  it('reads the full history in time that grows with the observations, not with the restatements', () => {
    for (const f of soak.figures.filter((x) => x.id !== 'SOAK_INDEX')) {
      const growth = (YEARS + BACKFILL) / BACKFILL; // observations now / observations on day one
      // generous for a shared CI machine: stored one revision per restated value it was 10-15x
      expect(f.readMsEnd / f.readMsDayOne, f.id).toBeLessThan(growth * 2.5);
    }
  });
});
