import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restate } from '../../api/ingest/restate.js';
import { runJobs } from '../../api/ingest/run.js';
import { addDays } from '../../api/series/dates.js';
import type { Revision } from '../../api/series/types.js';
import { inForce, mergeRevisions } from '../../api/series/revisions.js';
import { startApi } from '../helpers/local-api.js';
import { sourceColumn } from '../helpers/source-csv.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';

// The restatement property: ingest A, then A with some past values changed. As of a day before the
// second ingest a query returns A's values; the latest values are the changed ones.

/** One ingest of a rule-dated source, as the pipeline does it (restate, then the store's merge). */
const ingestPure = (stored: Revision[], incoming: Revision[], runDate: string) => mergeRevisions(stored, restate(stored, incoming, runDate)).merged;
const values = (revs: Revision[], asOf?: string) => Object.fromEntries(inForce(revs, asOf).map((r) => [r.date, r.value]));

describe('restatement property (pure)', () => {
  // A source sends numbers, never -0; adding 0 turns -0 into 0, which the store rightly treats as the same value.
  const price = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => x + 0);
  const series = fc
    .uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 })
    .chain((days) =>
      fc.tuple(
        fc.constant(days.sort((a, b) => a - b).map((d) => addDays('2024-01-01', d))),
        fc.array(price, { minLength: days.length, maxLength: days.length }),
        fc.array(fc.option(price, { nil: undefined }), { minLength: days.length, maxLength: days.length }),
      ),
    );

  it('asOf before the second ingest returns A; latest returns the changed values; re-running changes nothing', () => {
    fc.assert(
      fc.property(series, ([dates, a, changes]) => {
        const A = dates.map((date, i) => ({ date, value: a[i], realtimeStart: date }));
        const B = A.map((r, i) => (changes[i] === undefined ? r : { ...r, value: changes[i]! }));
        const first = ingestPure([], A, '2025-06-01');
        const second = ingestPure(first, B, '2025-06-02');
        expect(values(second, '2025-06-01')).toEqual(values(first));
        expect(values(second)).toEqual(Object.fromEntries(B.map((r) => [r.date, r.value])));
        // every changed value is a revision published on the ingest date; nothing stored was rewritten
        for (const r of first) expect(second).toContainEqual(r);
        for (const r of second.filter((x) => !first.some((y) => y.date === x.date && y.realtimeStart === x.realtimeStart))) expect(r.realtimeStart).toBe('2025-06-02');
        expect(ingestPure(second, B, '2025-06-03')).toEqual(second);
        // the source going back to A is itself a restatement, on its own day
        const third = ingestPure(second, A, '2025-06-03');
        expect(values(third)).toEqual(values(first));
        expect(values(third, '2025-06-02')).toEqual(values(second));
      }),
    );
  });

  it('the bundled sample (onConflict keep) fills gaps but never restates what was ingested since', () => {
    const stored = [{ date: '2024-07-01', value: 201.22, realtimeStart: '2024-07-01' }];
    const sample = [
      { date: '2024-07-01', value: 198.91, realtimeStart: '2024-07-01' },
      { date: '2024-07-02', value: 199.6, realtimeStart: '2024-07-02' },
    ];
    expect(restate(stored, sample, '2026-05-01', 'keep')).toEqual([sample[1]]);
    expect(restate(stored, sample, '2026-05-01')).toEqual([{ date: '2024-07-01', value: 198.91, realtimeStart: '2026-05-01' }, sample[1]]);
  });

  it('an adjusted history (knownWhenFetched) is dated the day it was fetched, later days by their own date', () => {
    const backfill = [
      { date: '2010-06-14', value: 55.12, realtimeStart: '2010-06-14' },
      { date: '2025-01-06', value: 221.4, realtimeStart: '2025-01-06' },
    ];
    const first = restate([], backfill, '2025-01-06', 'restate', { knownWhenFetched: true });
    expect(first).toEqual([
      { date: '2010-06-14', value: 55.12, realtimeStart: '2025-01-06' },
      { date: '2025-01-06', value: 221.4, realtimeStart: '2025-01-06' },
    ]);
    // the next run adds the new close on its run day and leaves the stored ones
    expect(restate(first, [...backfill, { date: '2025-01-07', value: 222, realtimeStart: '2025-01-07' }], '2025-01-07', 'restate', { knownWhenFetched: true })).toEqual([
      { date: '2025-01-07', value: 222, realtimeStart: '2025-01-07' },
    ]);
    // without the flag (an unadjusted source) the rule dates stand
    expect(restate([], backfill, '2025-01-06')).toEqual(backfill);
  });

  it('a source that stamps its vintages (ALFRED) adds new releases as delivered, not re-dated', () => {
    const stored = [{ date: '2024-06-01', value: 313.049, realtimeStart: '2024-07-11' }];
    const incoming = [...stored, { date: '2024-06-01', value: 313.131, realtimeStart: '2025-12-18' }];
    expect(restate(stored, incoming, '2026-05-01')).toEqual([{ date: '2024-06-01', value: 313.131, realtimeStart: '2025-12-18' }]);
  });
});

describe('restatement through the whole stack: a dividend-adjusted ETF history re-ingested', () => {
  let server: RecordedServer;
  let api: Awaited<ReturnType<typeof startApi>>;
  beforeAll(async () => {
    server = await startRecordedServer();
    api = await startApi();
  });
  afterAll(async () => {
    await server.close();
    await api.close();
  });

  const july = (asOf?: string) => api.query(`{ series(id: "IWM") { observations(from: "2024-07-01", to: "2024-07-05"${asOf ? `, asOf: "${asOf}"` : ''}) { dates values } } }`);

  it('as of a day before the second ingest the closes are as first seen; the latest are the adjusted ones', async () => {
    const env = { STOOQ_URL: `${server.url}/stooq/`, INGEST_HTTP_RETRIES: '0' };
    // A: the recorded history (the same closes the bundled sample holds), ingested on 2025-01-06
    const first = await runJobs([{ kind: 'stooq', series: ['IWM'] }], api.store, { env, now: () => new Date('2025-01-06T22:00:00Z') });
    expect(first.errors).toEqual([]);
    const a = (await july()).data.series.observations;
    const closes = sourceColumn('iwm_daily_yahoo.csv', 'Close').filter(([d]) => d >= '2024-07-01' && d <= '2024-07-05');
    expect(a).toEqual({ dates: closes.map(([d]) => d), values: closes.map(([, v]) => v) });

    // A with past values changed: a $0.50 dividend on 2024-12-17 rescales every earlier close
    const csv = readFileSync(new URL('./recorded/stooq/iwm.us.csv', import.meta.url), 'utf8').split('\r\n');
    const adjusted = csv.map((line, i) => {
      const cells = line.split(',');
      if (i === 0 || cells.length < 5 || cells[0] >= '2024-12-17') return line;
      cells[4] = String(Math.round(Number(cells[4]) * 0.9977 * 1e4) / 1e4);
      return cells.join(',');
    });
    server.fault('/stooq/', { body: adjusted.join('\r\n'), contentType: 'text/csv' });
    const second = await runJobs([{ kind: 'stooq', series: ['IWM'] }], api.store, { env, now: () => new Date('2025-01-13T22:00:00Z') });
    expect(second.errors).toEqual([]);
    expect(second.vintagesAdded).toBe(1); // one new release day: 2025-01-13

    expect((await july('2025-01-12')).data.series.observations).toEqual(a);
    const latest = (await july()).data.series.observations;
    expect(latest.dates).toEqual(a.dates);
    // the rescale reproduces the provider's adjusted closes to their last (4th) decimal
    const sent = a.values.map((v: number) => Math.round(v * 0.9977 * 1e4) / 1e4);
    latest.values.forEach((v: number, i: number) => expect(Math.abs(v - sent[i])).toBeLessThanOrEqual(1e-4 + 1e-9));
    // and is stored as one record, not one revision per past close
    const rescales = await api.store.readRescales('IWM');
    expect(rescales).toHaveLength(1);
    expect(rescales[0]).toMatchObject({ at: '2025-01-13', through: '2024-12-16', digits: 4 });
    expect(rescales[0].factor).toBeCloseTo(0.9977, 6);
    expect(second.pointsAdded).toBeLessThan(20);
    const meta = await api.store.getMeta('IWM');
    expect(meta?.lastVintage).toBe('2025-01-13');
    expect(meta?.notes).toContain('Adjusted closes');
  });

  it('no look-ahead: an adjusted backfill answers nothing as of a day before it was fetched', async () => {
    // The recorded IWM history, fetched on 2025-01-06 (under an id the bundled sample does not hold):
    // its closes already carry IWM's September and December 2024 dividends, so they are not what
    // anyone knew on 2024-09-01. Dated by their own days they would answer that asOf with them.
    const env = { STOOQ_URL: `${server.url}/stooq/`, INGEST_HTTP_RETRIES: '0' };
    server.fault('/stooq/', { body: readFileSync(new URL('./recorded/stooq/iwm.us.csv', import.meta.url), 'utf8'), contentType: 'text/csv' });
    const run = await runJobs([{ kind: 'stooq', series: ['IWM.US'], symbols: { 'IWM.US': 'iwm.us' } }], api.store, { env, now: () => new Date('2025-01-06T22:00:00Z') });
    expect(run.errors).toEqual([]);
    const query = (asOf: string) => api.query(`{ series(id: "IWM.US") { observations(from: "2024-07-01", to: "2024-07-05", asOf: "${asOf}") { dates values } } }`);
    const early = await query('2024-09-01');
    expect(early.errors?.[0]).toMatchObject({ extensions: { code: 'NO_DATA', earliestVintage: '2025-01-06' } });
    expect(early.errors?.[0].message).toMatch(/earliest vintage held is 2025-01-06/);
    const closes = sourceColumn('iwm_daily_yahoo.csv', 'Close').filter(([d]) => d >= '2024-07-01' && d <= '2024-07-05');
    expect((await query('2025-01-06')).data.series.observations).toEqual({ dates: closes.map(([d]) => d), values: closes.map(([, v]) => v) });
    expect(await api.store.readVintages('IWM.US')).toEqual(['2025-01-06']);
  });
});
