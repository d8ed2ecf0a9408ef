// asOf through the built functions bundle in chromium, for every data function: a formula given a
// date answers as it could have been answered on that date (no value, report or revision published
// later), and a workbook-wide asOf reaches every function that is not given its own.
// Expected values come from the bundled source files, read here independently of the loader.
import { afterAll, describe, expect, it } from 'vitest';
import { useFunctionsSheet } from '../helpers/functions-sheet.js';
import { sourceColumn } from '../helpers/source-csv.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import ref from './reference/indicator_reference.json' with { type: 'json' };

type Cell = [string, unknown[]];

const rut = closes('rut_daily_yahoo.csv');
const close = (d: string) => rut.values[rut.dates.indexOf(d)];
const column = (file: string, name: string) => new Map(sourceColumn(file, name));
const cpiFirstPrints = column('cpiaucsl_monthly_fred_vintage_2024-12.csv', 'CPIAUCSL'); // before the Feb-2025 revision
const cpiLatest = column('cpiaucsl_monthly_fred_vintage_2026-04.csv', 'CPIAUCSL');
const cpiNsa = column('cpiaucns_monthly_fred.csv', 'CPIAUCNS');

const sheet = useFunctionsSheet();
const recalc = sheet.recalc;

function setWorkbookAsOf(date: unknown): Promise<void> {
  return sheet.office.page.evaluate((d) => (window as unknown as { tide: { setWorkbookAsOf(d: unknown): void } }).tide.setWorkbookAsOf(d), date);
}

const lastDate = (m: unknown) => (m as [number, unknown][]).at(-1)![0];
const JULY_15 = excelSerial('2024-07-15');

describe('asOf on every TIDE data function, through the functions bundle', () => {
  it('SERIES and VALUE: the closes and the CPI first print known on the date', async () => {
    const [series, latest, cpiThen, cpiNow, serialAsOf] = await recalc([
      ['SERIES', ['RUT', '2024-07-01', '2024-07-31', null, null, '2024-07-15']],
      ['VALUE', ['RUT', null, '2024-07-15']],
      ['VALUE', ['CPIAUCSL', '2024-06-01', '2024-07-15']], // June CPI came out 2024-07-11
      ['VALUE', ['CPIAUCSL', '2024-06-01']],
      ['VALUE', ['RUT', '2024-07-31', JULY_15]], // a date cell: Excel passes a serial
    ]);
    const expected = rut.dates.filter((d) => d >= '2024-07-01' && d <= '2024-07-15').map((d) => [excelSerial(d), close(d)]);
    expect(series.value).toEqual(expected);
    expect(latest.value).toBe(close('2024-07-15'));
    expect(cpiThen.value).toBe(cpiFirstPrints.get('2024-06-01'));
    expect(cpiNow.value).toBe(cpiLatest.get('2024-06-01'));
    expect(cpiThen.value).not.toBe(cpiNow.value);
    expect(serialAsOf.value).toBe(close('2024-07-15'));
  });

  it('CHANGE to 2024-07-31 as of 2024-07-12 ends at the 2024-07-12 close', async () => {
    const [pct, runup, full] = await recalc([
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-31', null, '2024-07-12']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-31', 'max runup', '2024-07-12']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-31', 'max runup']],
    ]);
    expect(pct.value).toBeCloseTo(close('2024-07-12') / close('2024-07-09') - 1, 12);
    const known = rut.dates.filter((d) => d >= '2024-07-09' && d <= '2024-07-12').map(close);
    const runupThen = Math.max(...known.map((v, j) => v / Math.min(...known.slice(0, j + 1)) - 1));
    expect(runup.value).toBeCloseTo(runupThen, 12);
    expect(full.value).toBeCloseTo(ref.max_runup_rut_2024_07_09_to_07_31, 10);
    expect(runup.value).toBeLessThan(full.value as number);
  });

  it('CORR of RUT and DGS2 ending 2024-07-31 as of 2024-07-15 has no 07-31 value; its rows end 07-12 (the 07-15 yield is on the H.15 of 07-16)', async () => {
    const [asOf, upTo12, endOnly, full] = await recalc([
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-01', '2024-07-31', null, null, '2024-07-15']],
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-01', '2024-07-12']],
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-31', '2024-07-31', null, null, '2024-07-15']],
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-31', '2024-07-31']],
    ]);
    expect(lastDate(asOf.value)).toBe(excelSerial('2024-07-12'));
    expect(asOf.value).toEqual(upTo12.value);
    // Asking only for 07-31 as of 07-15: nothing was known, and the cell says why.
    expect(endOnly.error).toMatchObject({ code: '#VALUE!' });
    expect(endOnly.error!.message).toBe('start: 2024-07-31 is after asOf 2024-07-15; nothing from that date on was published by then');
    expect((full.value as [number, number][])[0][1]).toBeCloseTo(ref.corr_rut_dgs2_63_ending_2024_07_31, 10);
  });

  it('BETA, VOL and RELVOL as of a date stop there and equal the same windows computed then', async () => {
    const cells: Cell[] = [
      ['BETA', ['RUT', 'NASDAQCOM', 60, '2024-07-01', '2024-07-31', null, null, '2024-07-15', true]],
      ['BETA', ['RUT', 'NASDAQCOM', 60, '2024-07-01', '2024-07-15', null, null, null, true]],
      ['VOL', ['RUT', 20, '2024-07-01', '2024-07-31', null, null, '2024-07-15']],
      ['VOL', ['RUT', 20, '2024-07-01', '2024-07-15']],
      ['RELVOL', ['RUT', 'NASDAQCOM', 13, '2024-06-01', '2024-08-31', 'WEEKLY', null, '2024-07-12']],
      ['RELVOL', ['RUT', 'NASDAQCOM', 13, '2024-06-01', '2024-07-12']],
    ];
    const [beta, betaThen, vol, volThen, relvol, relvolThen] = await recalc(cells);
    expect((beta.value as unknown[][])[0]).toEqual(['Date', 'BETA(RUT, NASDAQCOM)']);
    expect(lastDate(beta.value)).toBe(JULY_15);
    expect(beta.value).toEqual(betaThen.value);
    expect(lastDate(vol.value)).toBe(JULY_15);
    expect(vol.value).toEqual(volThen.value);
    expect((relvol.value as unknown[][]).length).toBeGreaterThan(2);
    expect(lastDate(relvol.value)).toBe(excelSerial('2024-07-12'));
    expect(relvol.value).toEqual(relvolThen.value);
  });

  it('POSITIONING as of 2024-07-18 lacks the 2024-07-16 report, which was published 07-19', async () => {
    const [before, on] = await recalc([
      ['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-01', '2024-07-31', null, null, '2024-07-18']],
      ['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-01', '2024-07-31', 'long share', null, '2024-07-19']],
    ]);
    const share = ref.asset_manager_long_share_july_2024;
    expect(before.value).toEqual([
      [excelSerial('2024-07-02'), expect.closeTo(share['2024-07-02'], 12)],
      [excelSerial('2024-07-09'), expect.closeTo(share['2024-07-09'], 12)],
    ]);
    expect(on.value).toEqual(Object.entries(share).map(([d, v]) => [excelSerial(d), expect.closeTo(v, 12)]));
  });

  it("SURPRISE as of 2024-07-15 uses June's first print and has no July row yet", async () => {
    const [then, now] = await recalc([
      ['SURPRISE', ['CPIAUCSL', 'CPIAUCNS', '2024-05-01', '2024-07-31', '2024-07-15']],
      ['SURPRISE', ['CPIAUCSL', 'CPIAUCNS', '2024-05-01', '2024-07-31']],
    ]);
    const rows = then.value as [number, number][];
    expect(rows.map((r) => r[0])).toEqual([excelSerial('2024-05-01'), excelSerial('2024-06-01')]);
    expect(rows[1][1]).toBeCloseTo(cpiFirstPrints.get('2024-06-01')! - cpiNsa.get('2024-06-01')!, 10);
    const latest = now.value as [number, number][];
    expect(latest.map((r) => r[0])).toContain(excelSerial('2024-07-01'));
    expect(latest[1][1]).toBeCloseTo(cpiLatest.get('2024-06-01')! - cpiNsa.get('2024-06-01')!, 10);
  });

  it('minObservations (options) and asOf together: min=5 windows start earlier, and still stop at the asOf date', async () => {
    const [partial, full, oldPlace] = await recalc([
      ['VOL', ['RUT', 20, '2022-01-01', '2024-07-31', null, 'min=5', '2024-07-15']],
      ['VOL', ['RUT', 20, '2022-01-01', '2024-07-15']],
      ['VOL', ['RUT', 20, '2024-07-01', '2024-07-31', null, '2024-07-15']], // asOf where it was before options existed
    ]);
    const rows = partial.value as [number, number | ''][];
    const fullRows = full.value as [number, number | ''][];
    expect(lastDate(rows)).toBe(JULY_15);
    const firstValue = (r: [number, number | ''][]) => r.find((row) => row[1] !== '')![0];
    // RUT's first return is 2022-01-04: the 5th return is on 2022-01-10, the 20th on 2022-02-01.
    expect(firstValue(rows)).toBe(excelSerial('2022-01-10'));
    expect(firstValue(fullRows)).toBe(excelSerial('2022-02-01'));
    // Once a window is full, min changes nothing.
    expect(rows.filter((r) => r[0] >= excelSerial('2022-02-01'))).toEqual(fullRows.filter((r) => r[0] >= excelSerial('2022-02-01')));
    expect(oldPlace.error).toMatchObject({ code: '#VALUE!', message: 'options: "2024-07-15" looks like a date; asOf comes after options (…, frequency, options, asOf, headers)' });
  });

  it('CUTPROB prices the meeting from the futures as of the date', async () => {
    const [cut] = await recalc([['CUTPROB', ['2024-09-18', '2024-07-10', true]]]);
    const byChange = new Map((cut.value as unknown[][]).slice(1).map((r) => [r[2], r[3] as number]));
    expect(byChange.get(-25)).toBeCloseTo(ref.cutprob_2024_09_18_asof_2024_07_10.minus25, 10);
  });

  it('rejects an asOf that is not a date, naming the argument', async () => {
    const [bad] = await recalc([['VOL', ['RUT', 20, null, null, null, null, 'last week']]]);
    expect(bad.error).toMatchObject({ code: '#VALUE!', message: 'asOf: "last week" is not a date; use a date cell, a serial, or text like "2024-07-01"' });
  });
});

describe('a workbook-wide asOf', () => {
  afterAll(() => setWorkbookAsOf(null));

  it("applies to every function not given its own asOf; a cell's own asOf wins", async () => {
    await setWorkbookAsOf('2024-07-15');
    const [value, change, corr, vol, positioning, surprise, cut, own] = await recalc([
      ['VALUE', ['RUT']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-31']],
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-01', '2024-07-31']],
      ['VOL', ['RUT', 20, '2024-07-01']],
      ['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-01']],
      ['SURPRISE', ['CPIAUCSL', 'CPIAUCNS', '2024-05-01']],
      ['CUTPROB', ['2024-09-18']], // futures as of the workbook date, not today
      ['VALUE', ['RUT', null, '2024-07-31']],
    ]);
    expect(value.value).toBe(close('2024-07-15'));
    expect(change.value).toBeCloseTo(close('2024-07-15') / close('2024-07-09') - 1, 12);
    expect(lastDate(corr.value)).toBe(excelSerial('2024-07-12')); // DGS2's 07-15 yield came out 07-16
    expect(lastDate(vol.value)).toBe(JULY_15);
    expect(lastDate(positioning.value)).toBe(excelSerial('2024-07-09'));
    expect(lastDate(surprise.value)).toBe(excelSerial('2024-06-01'));
    expect((cut.value as unknown[][]).length).toBeGreaterThan(1);
    expect(own.value).toBe(close('2024-07-31'));
  });

  it('is checked like any date, and cleared with nothing', async () => {
    await expect(setWorkbookAsOf('mid July')).rejects.toThrow(/asOf: "mid July" is not a date/);
    await setWorkbookAsOf(null);
    const [latest] = await recalc([['VALUE', ['RUT']]]);
    expect(latest.value).toBe(rut.values.at(-1));
  });
});
