// cutProbabilities on a whole futures curve, loaded the ways a user loads one: the vendor
// settlement file (every contract July 2024 … February 2025, Barchart's settlements,
// test/ingest/recorded/README.md "ZQ") in one command, and contracts imported one by one with
// `csv --id`. Nothing here leans on the bundled ZQU24/ZQZ24.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { runJobs } from '../../api/ingest/run.js';
import { startApi } from '../helpers/local-api.js';

const FILE = 'test/ingest/recorded/zq/barchart_settlements_2024-07-01_to_08-16.csv';
let api: Awaited<ReturnType<typeof startApi>>;
let work: string;
beforeAll(async () => {
  api = await startApi();
  work = await mkdtemp(join(tmpdir(), 'tide-curve-'));
  const summary = await runJobs(parseCli(['zq-settlements', FILE]).jobs!, api.store);
  expect(summary.errors).toEqual([]);
});
afterAll(async () => {
  await api.close();
  await rm(work, { recursive: true, force: true });
});

type Outcome = { changeBp: number; probability: number };
async function ask(meeting: string, asOf: string) {
  const res = await api.query(`{ cutProbabilities(meeting: "${meeting}", asOf: "${asOf}") { outcomes { changeBp probability } resolvedMeetings assumedUnchangedMeetings meta } }`);
  expect(res.errors).toBeUndefined();
  const r = res.data.cutProbabilities;
  return { ...r, p: Object.fromEntries((r.outcomes as Outcome[]).map((o) => [o.changeBp, o.probability])) as Record<number, number> };
}

describe('with every contract stored, no meeting is assumed unchanged', () => {
  it("2024-07-10: July priced backward from ZQN24 and ZQQ24, September between the August and October levels (CME's rule)", async () => {
    const r = await ask('2024-09-18', '2024-07-10');
    expect(r.assumedUnchangedMeetings).toEqual([]);
    expect(r.resolvedMeetings).toEqual(['2024-07-31', '2024-09-18']);
    // Settlements on 2024-07-10: ZQN24 94.6725, ZQQ24 94.685, ZQV24 94.865 (the settlement file).
    // August and October have no meeting: their averages are the levels after July (5.315) and after
    // September (5.135). July (31 Jul, CME count: d = 30 of 31): r_start = (5.3275 − (1/31)·5.315)·31/30.
    const julStart = (100 - 94.6725 - (1 / 31) * (100 - 94.685)) * (31 / 30);
    const [jul, sep] = r.meta.steps;
    expect(jul).toMatchObject({ meeting: '2024-07-31', rEndSource: 'ZQQ24' });
    expect(jul.rStart).toBeCloseTo(julStart, 12);
    expect(sep).toMatchObject({ rStartSource: 'ZQQ24', rEndSource: 'ZQV24' });
    const julSteps = (5.315 - julStart) / 0.25; // −0.0516: a July cut at 5.2 %
    const sepSteps = (5.135 - 5.315) / 0.25; // −0.72
    const tree: Record<number, number> = {};
    for (const [a, pa] of [
      [-1, -julSteps],
      [0, 1 + julSteps],
    ])
      for (const [b, pb] of [
        [-1, -sepSteps],
        [0, 1 + sepSteps],
      ])
        tree[(a + b) * 25] = (tree[(a + b) * 25] ?? 0) + pa * pb;
    for (const bp of [-50, -25, 0]) expect(r.p[bp]).toBeCloseTo(tree[bp], 9);
    expect(r.meta.prices).toMatchObject({ ZQN24: { date: '2024-07-10', value: 94.6725 }, ZQV24: { date: '2024-07-10', value: 94.865 } });
  });
});

describe('compared with published FedWatch probabilities, on the full curve', () => {
  // What CME's tool showed, as quoted: the same sources as test/indicators/fedwatch.test.ts.
  const published: { meeting: string; asOf: string; source: string; cme: Record<number, number> }[] = [
    // CNBC, "Traders see the odds of a Fed rate cut by September at 100%", 2024-07-16 (before that day's settlement).
    { meeting: '2024-09-18', asOf: '2024-07-15', source: 'CNBC 2024-07-16', cme: { [-25]: 0.933, [-50]: 0.067 } },
    // Jubak Picks, "CPI inflation report this week is one last barrier to September interest rate cut": as of Friday 9 Aug, 50 bp 48.5 %.
    { meeting: '2024-09-18', asOf: '2024-08-09', source: 'jubakpicks.com, as of 2024-08-09', cme: { [-25]: 0.515, [-50]: 0.485 } },
    // mintmarketcap.com news 4884, 2024-08-20 06:26 (UTC+8): September 25 bp 77 %, 50 bp 23 %; November 50 bp 60.1 %, 75 bp 34.8 %, 100 bp 5.0 %.
    // The settlement file ends on 16 Aug, the session before.
    { meeting: '2024-09-18', asOf: '2024-08-16', source: 'mintmarketcap.com 2024-08-20', cme: { [-25]: 0.77, [-50]: 0.23 } },
    { meeting: '2024-11-07', asOf: '2024-08-16', source: 'mintmarketcap.com 2024-08-20', cme: { [-50]: 0.601, [-75]: 0.348, [-100]: 0.05 } },
  ];
  for (const p of published) {
    it(`${p.meeting} as of ${p.asOf} (${p.source}): every range within 0.04 of CME`, async () => {
      const r = await ask(p.meeting, p.asOf);
      expect(r.assumedUnchangedMeetings).toEqual([]);
      for (const [bp, cme] of Object.entries(p.cme)) expect(Math.abs((r.p[Number(bp)] ?? 0) - cme), `${bp} bp: Tide ${r.p[Number(bp)]}, CME ${cme}`).toBeLessThan(0.04);
    });
  }
});

describe('contracts imported one by one with csv --id', () => {
  it('a 2026 meeting from ZQX26 and ZQZ26 imported as CSV files, with no bundled contract involved', async () => {
    // Hypothetical prices and target (the math is checked elsewhere; this is the path from import to answer).
    const write = async (name: string, rows: string) => {
      const file = join(work, name);
      await writeFile(file, `Date,Settle\n${rows}`);
      return file;
    };
    const imports = [
      ['csv', await write('x26.csv', '2026-12-01,96.38\n2026-12-02,96.375\n'), '--id', 'ZQX26', '--date-col', 'Date', '--value-col', 'Settle'],
      ['csv', await write('z26.csv', '2026-12-01,96.45\n2026-12-02,96.46\n'), '--id', 'ZQZ26', '--date-col', 'Date', '--value-col', 'Settle'],
      ['csv', await write('taru.csv', '2026-12-01,3.75\n2026-12-02,3.75\n'), '--id', 'DFEDTARU', '--date-col', 'Date', '--value-col', 'Settle'],
    ];
    for (const args of imports) expect((await runJobs(parseCli(args).jobs!, api.store)).errors).toEqual([]);
    const r = await ask('2026-12-09', '2026-12-02');
    expect(r.assumedUnchangedMeetings).toEqual([]);
    // November (no meeting) is the rate going in: 100 − 96.375 = 3.625. 9 Dec: d = 8 of 31 (CME).
    const rEnd = (100 - 96.46 - (8 / 31) * 3.625) * (31 / 23);
    expect(r.meta.steps[0]).toMatchObject({ meeting: '2026-12-09', rStartSource: 'ZQX26', rEndSource: 'ZQZ26' });
    expect(r.meta.steps[0].rEnd).toBeCloseTo(rEnd, 12);
    const steps = (rEnd - 3.625) / 0.25;
    expect(r.p[-25]).toBeCloseTo(-steps, 9);
    expect(r.p[0]).toBeCloseTo(1 + steps, 9);
  });
});
