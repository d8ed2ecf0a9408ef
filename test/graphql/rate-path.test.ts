// ratePath and the FEDWATCH:<meeting>:EXPECTED_BP / P_CUT series over real HTTP, on the bundled
// data (ZQU24, ZQZ24, DFF, DFEDTARU) and on the full curve of the vendor settlement file
// (test/ingest/recorded/README.md "ZQ"). Expected values are recomputed here from the source files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { runJobs } from '../../api/ingest/run.js';
import { startApi } from '../helpers/local-api.js';
import { sourceColumn } from '../helpers/source-csv.js';

let api: Awaited<ReturnType<typeof startApi>>;
let curve: Awaited<ReturnType<typeof startApi>>;
let work: string;
beforeAll(async () => {
  [api, curve] = await Promise.all([startApi(), startApi()]);
  work = await mkdtemp(join(tmpdir(), 'tide-ratepath-'));
  const loaded = await runJobs(parseCli(['zq-settlements', 'test/ingest/recorded/zq/barchart_settlements_2024-07-01_to_08-16.csv']).jobs!, curve.store);
  expect(loaded.errors).toEqual([]);
});
afterAll(async () => {
  await Promise.all([api.close(), curve.close()]);
  await rm(work, { recursive: true, force: true });
});

const zqu24 = new Map(sourceColumn('zq_fed_funds_futures_ZQU24_daily_barchart.csv', 'last') as [string, number][]);
/** Bundled data, CME day count: September's expected move from DFF 5.33 (no July/August contract bundled), in bp. */
const sepExpectedBp = (day: string) => (30 / 13) * (100 - zqu24.get(day)! - 5.33) * 100;

describe('ratePath', () => {
  it('on the full curve, 2024-08-16: September, November, December and January 2025, then stops where no contract prices a meeting', async () => {
    const res = await curve.query(
      '{ ratePath(asOf: "2024-08-16") { asOf currentLowerBound currentUpperBound dayCount meetings { meeting expectedChangeBp expectedMidpoint pCut pHold pHike assumedUnchanged } meta } }',
    );
    expect(res.errors).toBeUndefined();
    const r = res.data.ratePath;
    expect(r).toMatchObject({ asOf: '2024-08-16', currentLowerBound: 5.25, currentUpperBound: 5.5 });
    expect(r.dayCount).toMatch(/CME FedWatch's day count/);
    // Settlements on 2024-08-16 (the settlement file): ZQQ24 94.6725, ZQV24 94.985, ZQX24 95.215,
    // ZQZ24 95.425, ZQF25 95.63, ZQG25 95.86. August, October and February have no meeting: levels.
    // Meeting months whose start is known are solved forward (CME's worked example); January's start
    // and end are both known already (December forward, February's level), so ZQF25 is not needed.
    const L0 = 100 - 94.6725; // 5.3275 going into 18 Sep
    const L1 = 100 - 94.985; // 5.015 after 18 Sep (October)
    const L2 = (100 - 95.215 - (6 / 30) * L1) / (24 / 30); // November: d = 6 of 30 → after 7 Nov
    const L3 = (100 - 95.425 - (17 / 31) * L2) / (14 / 31); // December: d = 17 of 31 → after 18 Dec
    const L4 = 100 - 95.86; // 4.14 after 29 Jan (February)
    const levels = [L0, L1, L2, L3, L4];
    expect(r.meetings.map((m: any) => m.meeting)).toEqual(['2024-09-18', '2024-11-07', '2024-12-18', '2025-01-29']);
    r.meetings.forEach((m: any, k: number) => {
      const change = levels[k + 1] - levels[k];
      expect(m.expectedChangeBp).toBeCloseTo(change * 100, 9);
      // the two-point split keeps each meeting's expectation, so the expected midpoint moves by the level change
      expect(m.expectedMidpoint).toBeCloseTo(5.375 + (levels[k + 1] - L0), 9);
      const steps = change / 0.25;
      const low = Math.floor(steps);
      const pLow = 1 - (steps - low);
      const p = (s: number) => (s === low ? pLow : s === low + 1 ? 1 - pLow : 0);
      expect(m.pCut).toBeCloseTo(
        [-4, -3, -2, -1].reduce((a, s) => a + p(s), 0),
        9,
      );
      expect(m.pHold).toBeCloseTo(p(0), 9);
      expect(m.pHike).toBeCloseTo(p(1), 9);
      expect(m.pCut + m.pHold + m.pHike).toBeCloseTo(1, 12);
      expect(m.assumedUnchanged).toBe(false);
    });
    // September: −31.25 bp → 25 bp cut 75 %, 50 bp 25 % (CME 2024-08-19: 77 % / 23 %)
    expect(r.meetings[0].pCut).toBeCloseTo(1, 12);
    expect(r.meta.meetings[0]).toMatchObject({ rStartSource: 'ZQQ24', rEndSource: 'ZQV24' });
  });

  it('on the bundled data, 2024-07-10: July assumed unchanged, September from ZQU24, November assumed unchanged, December from ZQZ24', async () => {
    const res = await api.query('{ ratePath(asOf: "2024-07-10") { meetings { meeting expectedChangeBp pCut pHold assumedUnchanged } } }');
    expect(res.errors).toBeUndefined();
    const m = res.data.ratePath.meetings;
    expect(m.map((x: any) => [x.meeting, x.assumedUnchanged])).toEqual([
      ['2024-07-31', true],
      ['2024-09-18', false],
      ['2024-11-07', true],
      ['2024-12-18', false],
    ]);
    expect(m[1].expectedChangeBp).toBeCloseTo(sepExpectedBp('2024-07-10'), 9); // −19.6 bp
    expect(m[1].pCut).toBeCloseTo(0.7846, 4); // the README's −25 bp 0.785
    expect(m[0]).toMatchObject({ expectedChangeBp: 0, pCut: 0, pHold: 1 });
  });

  it('an asOf before any target range is NO_DATA; a malformed asOf fails validation', async () => {
    const early = await api.query('{ ratePath(asOf: "1990-01-02") { meetings { meeting } } }');
    expect(early.errors?.[0].extensions?.code).toBe('NO_DATA');
    const bad = await api.query('{ ratePath(asOf: "2024-13-01") { meetings { meeting } } }');
    expect(bad.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED'); // the Date scalar, as for every field
  });
});

describe('FEDWATCH:<meeting>:EXPECTED_BP and P_CUT as series', () => {
  it('one value per trading day, each what cutProbabilities said that day, known that evening', async () => {
    const res = await api.query(`{ series(id: "FEDWATCH:2024-09-18:EXPECTED_BP") { id unit frequency
      observations(from: "2024-07-08", to: "2024-07-12") { dates values } } }`);
    expect(res.errors).toBeUndefined();
    const s = res.data.series;
    expect(s).toMatchObject({ id: 'FEDWATCH:2024-09-18:EXPECTED_BP', unit: 'bp', frequency: 'DAILY' });
    expect(s.observations.dates).toEqual(['2024-07-08', '2024-07-09', '2024-07-10', '2024-07-11', '2024-07-12']);
    s.observations.dates.forEach((d: string, i: number) => expect(s.observations.values[i]).toBeCloseTo(sepExpectedBp(d), 9));
    const cut = await api.query('{ series(id: "FEDWATCH:2024-09-18:P_CUT") { observations(from: "2024-07-10", to: "2024-07-12") { values } } }');
    // 2024-07-10: −0.785 steps → P(cut) 0.785; 2024-07-12: −1.015 steps → a cut is certain
    expect(cut.data.series.observations.values[0]).toBeCloseTo(-sepExpectedBp('2024-07-10') / 25, 9);
    expect(cut.data.series.observations.values[2]).toBeCloseTo(1, 12);
  });

  it('point in time: asOf 2024-07-11 has the 11 July value but not the 12th', async () => {
    const res = await api.query('{ series(id: "FEDWATCH:2024-09-18:EXPECTED_BP") { observations(from: "2024-07-08", to: "2024-07-31", asOf: "2024-07-11") { dates } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.series.observations.dates.at(-1)).toBe('2024-07-11');
  });

  it("CORRELATION of RUT with the series is the note's chart in one query, equal to the same values stored as a series", async () => {
    const q = (id: string) => `{ indicator(name: CORRELATION, inputs: ["RUT", "${id}"], window: 20, from: "2024-07-01", to: "2024-08-16") { dates values unit } }`;
    const derived = await api.query(q('FEDWATCH:2024-09-18:EXPECTED_BP'));
    expect(derived.errors).toBeUndefined();
    // the same values, stored through the CSV import with unit bp: the derived series must behave exactly like it
    const obs = await api.query('{ series(id: "FEDWATCH:2024-09-18:EXPECTED_BP") { observations(from: "2024-01-01", to: "2024-09-17") { dates values } } }');
    const { dates, values } = obs.data.series.observations;
    const file = join(work, 'fedwatch.csv');
    await writeFile(file, `Date,Bp\n${dates.map((d: string, i: number) => `${d},${values[i]}`).join('\n')}\n`);
    expect((await runJobs(parseCli(['csv', file, '--id', 'STORED_SEP_BP', '--date-col', 'Date', '--value-col', 'Bp', '--unit', 'bp']).jobs!, api.store)).errors).toEqual([]);
    const stored = await api.query(q('STORED_SEP_BP'));
    expect(stored.errors).toBeUndefined();
    expect(derived.data.indicator.dates).toEqual(stored.data.indicator.dates);
    derived.data.indicator.values.forEach((v: number | null, i: number) =>
      v === null ? expect(stored.data.indicator.values[i]).toBeNull() : expect(v).toBeCloseTo(stored.data.indicator.values[i], 12),
    );
    expect(derived.data.indicator.values.filter((v: number | null) => v !== null).length).toBeGreaterThan(5);
  });

  it('a date that is not a meeting, or an unknown measure, is BAD_USER_INPUT naming the right form', async () => {
    const notMeeting = await api.query('{ series(id: "FEDWATCH:2024-09-19:EXPECTED_BP") { id } }');
    expect(notMeeting.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(notMeeting.errors?.[0].message).toMatch(/not a scheduled FOMC decision date.*2024-09-18/);
    const badMeasure = await api.query('{ indicator(name: CORRELATION, inputs: ["RUT", "FEDWATCH:2024-09-18:P_HIKE"], window: 20, from: "2024-07-01", to: "2024-07-31") { values } }');
    expect(badMeasure.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(badMeasure.errors?.[0].message).toContain('FEDWATCH:<meeting decision date>:EXPECTED_BP or FEDWATCH:<meeting>:P_CUT');
  });
});
