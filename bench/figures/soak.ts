import { startTestStore } from '../../support/local-store.js';
import { printsOf, runSoak } from '../../support/soak/run.js';
import { ITEM_BUDGET } from '../../api/store/item-size.js';
import { ms, times, type Row } from '../harness.js';

// The soak of test/ingest/soak.test.ts at 20 years (BENCH_SOAK_YEARS): one ingest run per simulated
// trading day through the real pipeline into dynalite, on sources that restate (dividends quarterly
// and monthly, a split, a whole-history re-adjustment, a monthly index revised and rebased).

const YEARS = Number(process.env.BENCH_SOAK_YEARS ?? 20);
const BACKFILL = 1;

export async function soakFigures(): Promise<Row[]> {
  const t = await startTestStore('tide-bench-soak');
  try {
    const soak = await runSoak(t.store, { years: YEARS, backfillYears: BACKFILL, sampleEvery: 1e9, window: 20 });
    const rows: Row[] = [];
    const largest = soak.figures.reduce((a, b) => (b.largestItem.bytes > a.largestItem.bytes ? b : a));
    rows.push({
      figure: `soak ${YEARS} y (${soak.runs} daily runs, ${soak.seconds.toFixed(0)} s): largest item`,
      value: `${(largest.largestItem.bytes / 1024).toFixed(1)} KB (${largest.id} ${largest.largestItem.sk})`,
      baseline: `item budget ${ITEM_BUDGET / 1024} KB`,
      ratio: times(largest.largestItem.bytes / ITEM_BUDGET),
      target: '≤ 0.05× (stays a year of values)',
      met: largest.largestItem.bytes <= ITEM_BUDGET * 0.05,
    });
    const growth = (YEARS + BACKFILL) / BACKFILL;
    for (const f of soak.figures) {
      const perObservation = f.bytes / f.observations;
      rows.push({
        figure: `soak ${YEARS} y: ${f.id} stored bytes`,
        value: `${(f.bytes / 1024).toFixed(0)} KB: ${f.observations} observations, ${f.restatementDays} source actions, ${f.rescalesStored} rescales, ${f.storedRevisions} stored revisions`,
        baseline: `${perObservation.toFixed(1)} bytes per observation`,
        ratio: times(f.storedRevisions / f.observations),
        // each print of an observation once (a close once, the index's month three times), plus the few days no rescale described
        target: `stored revisions ≤ ${(1.1 * printsOf(f.id)).toFixed(1)}× observations`,
        met: f.storedRevisions <= 1.1 * printsOf(f.id) * f.observations + 10,
      });
      rows.push({
        figure: `soak ${YEARS} y: ${f.id} full-history read`,
        value: ms(f.readMsEnd),
        baseline: `day one (${BACKFILL} y of history): ${ms(f.readMsDayOne)}`,
        ratio: times(f.readMsEnd / f.readMsDayOne),
        target: `≤ ${growth}× (the observations' growth)`,
        met: f.readMsEnd / f.readMsDayOne <= growth,
      });
    }
    return rows;
  } finally {
    await t.close();
  }
}
