// Each series of a job is its own unit (issue: one Stooq-like job of three series, the middle one a
// dividend-adjusted history whose restatement the store refuses for size, day after day).
// Real closes: data/real/{rut,iwm,qqq}_daily_yahoo.csv. The adjusted series has been restated many times
// already (a 2022 year that holds K earlier adjustments, as a long-running store would), so one more
// restatement of 2022 makes that year's item larger than an item may be. Restatements are stored value by
// value here (rescales: false), as a restatement that is no single factor must be: stored as one rescale,
// this one would fit (test/ingest/restatement.test.ts). The store refuses the oversize item by its size
// check before writing (ITEM_TOO_LARGE). The store is dynalite on loopback; the job is the real CSV
// connector through runJobs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../api/ingest/jobs.js';
import { ingest } from '../../api/ingest/pipeline.js';
import { formatSummary, runJobs, type RunSummary } from '../../api/ingest/run.js';
import type { Revision } from '../../api/series/types.js';
import { startLocalStore } from '../../support/ingest/local-store.js';
import { sourceColumn } from '../helpers/source-csv.js';

const closes = (file: string) => sourceColumn(file, 'Close') as [string, number][];
const rut = closes('rut_daily_yahoo.csv');
const iwm = closes('iwm_daily_yahoo.csv');
const qqq = closes('qqq_daily_yahoo.csv');
const DAYS = ['2024-01-02', '2024-01-03', '2024-01-04'];
/** Earlier adjustments the 2022 year of the adjusted series already holds: just under the item budget (about 8.7 KB each). */
const K = 45;
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
/** The adjusted close: every close before a day scaled down once more for each dividend since. */
const adjusted = (close: number, dividends: number) => round4(close * (1 - 0.0005 * dividends));

let local: Awaited<ReturnType<typeof startLocalStore>>;
const dir = mkdtempSync(join(tmpdir(), 'tide-isolation-'));
const summaries: RunSummary[] = [];

/** The job's file on a day: every close up to that day; IWM_ADJ's past closes adjusted for one more dividend each day. */
function fileFor(day: string, dayIndex: number): string {
  const upTo = (rows: [string, number][]) => rows.filter(([d]) => d <= day);
  const lines = ['Date,RUT,IWM,QQQ'];
  const q = new Map(qqq);
  const r = new Map(rut);
  for (const [d, c] of upTo(iwm)) lines.push(`${d},${r.get(d)},${d < day ? adjusted(c, K + dayIndex + 1) : c},${q.get(d)}`);
  const file = join(dir, `closes-${day}.csv`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const job = (file: string): Job => ({
  kind: 'csv',
  file,
  dateColumn: 'Date',
  columns: [
    { column: 'RUT', id: 'RUT_C' },
    { column: 'IWM', id: 'IWM_ADJ' },
    { column: 'QQQ', id: 'QQQ_C' },
  ],
});

beforeAll(async () => {
  local = await startLocalStore();
  // The adjusted series as a long-running store holds it: 2022 with K earlier adjustments, 2023 as first printed.
  const seed: Revision[] = [];
  for (const [date, close] of iwm) {
    if (date >= '2024-01-01') continue;
    seed.push({ date, value: close, realtimeStart: date });
    if (date < '2023-01-01')
      for (let k = 1; k < K; k++)
        seed.push({ date, value: adjusted(close, k), realtimeStart: `2023-${String(1 + Math.floor((k - 1) / 4)).padStart(2, '0')}-${String(1 + ((k - 1) % 4) * 7).padStart(2, '0')}` });
  }
  const [seeded] = await ingest(
    local.store,
    'seed',
    [{ meta: { id: 'IWM_ADJ', name: 'IWM_ADJ', unit: '', frequency: 'DAILY', source: { name: 'CSV file', sourceId: 'seed' } }, revisions: seed, publication: 'stamped' }],
    { rescales: false },
  );
  expect(seeded.error).toBeUndefined();
  for (const [i, day] of DAYS.entries()) summaries.push(await runJobs([job(fileFor(day, i))], local.store, { now: () => new Date(`${day}T22:00:00Z`), rescales: false }));
}, 120_000);
afterAll(() => local?.close());

describe('a series whose restatement the store refuses, between two healthy series, over three days', () => {
  it('the series before and after it are written every day, as if it were not there', async () => {
    for (const [i, s] of summaries.entries()) {
      const byId = new Map(s.outcomes.map((o) => [o.id, o]));
      expect(s.outcomes.map((o) => o.id)).toEqual(['RUT_C', 'IWM_ADJ', 'QQQ_C']);
      const expectedNew = i === 0 ? rut.filter(([d]) => d <= DAYS[0]).length : 1;
      for (const id of ['RUT_C', 'QQQ_C']) {
        expect(byId.get(id)?.pointsAdded).toBe(expectedNew);
        expect(byId.get(id)?.error).toBeUndefined();
      }
    }
    const known = await local.store.readKnown('QQQ_C', '2024-01-01');
    expect(known).toEqual({ dates: DAYS, values: DAYS.map((d) => new Map(qqq).get(d)) });
    expect((await local.store.getMeta('RUT_C'))?.lastDate).toBe(DAYS[2]);
  });

  it('its new closes land every day although its restatement cannot (append first, restate after)', async () => {
    for (const s of summaries) {
      const o = s.outcomes.find((x) => x.id === 'IWM_ADJ')!;
      expect(o.pointsAdded).toBe(1); // the day's close
      expect(o.vintagesAdded).toBe(1);
    }
    const latest = await local.store.readKnown('IWM_ADJ', '2024-01-01');
    expect(latest).toEqual({ dates: DAYS, values: DAYS.map((d) => new Map(iwm).get(d)) });
    expect((await local.store.getMeta('IWM_ADJ'))?.lastDate).toBe(DAYS[2]);
    // the refused restatement left nothing behind: 2022 is its last seeded adjustment, 2023 its first prints
    const first2022 = iwm[0];
    expect((await local.store.readKnown('IWM_ADJ', first2022[0], first2022[0])).values).toEqual([adjusted(first2022[1], K - 1)]);
    const last2023 = iwm.filter(([d]) => d < '2024-01-01').at(-1)!;
    expect((await local.store.readKnown('IWM_ADJ', last2023[0], last2023[0])).values).toEqual([last2023[1]]);
  });

  it('the error names the series, the part not written, the item and its size, each day', () => {
    for (const s of summaries) {
      expect(s.errors).toHaveLength(1);
      const [e] = s.errors;
      expect(e).toMatchObject({ job: expect.stringMatching(/^csv .*closes-2024-01-0\d\.csv$/), series: 'IWM_ADJ' });
      expect(e.message).toMatch(
        /^IWM_ADJ: \d+ revisions of stored dates not written \(kept: 1 new observation, written before it\): series IWM_ADJ: item C#2022 would be \d{6} bytes, over the 399360-byte budget for one item/,
      );
    }
  });

  it('the summary lists every series with what happened to it', () => {
    const text = formatSummary(summaries[1], 1.5);
    expect(text).toMatch(/^series touched: 3 of 3 \(1 failed\)\npoints added:   3\nvintages added: 3\nerrors:         1\nseries:\n/);
    expect(text).toContain('\nseries:\n  RUT_C: 1 point, 1 vintage written\n  IWM_ADJ: 1 point, 1 vintage written; FAILED: IWM_ADJ: ');
    expect(text).toContain('\n  QQQ_C: 1 point, 1 vintage written\ntime:');
  });
});
