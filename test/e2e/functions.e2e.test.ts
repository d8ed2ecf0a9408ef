// The built functions bundle in headless chromium, registered through a stand-in for Excel's
// custom functions runtime, calling the real local Tide server (dynalite + bundled dataset).
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openFunctionsPage, recalcCells, type OfficePage } from '../../support/browser/browser.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import ref from './reference/indicator_reference.json' with { type: 'json' };
import { SHEETS } from '../../addin/scripts/workbook-spec.js';
import { evaluateCall } from '../../support/addin/formula-args.js';

type Cell = [string, unknown[]];

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let office: OfficePage;
const rut = closes('rut_daily_yahoo.csv');

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function freshPage(): Promise<OfficePage> {
  await office?.page.close();
  office = await openFunctionsPage(browser, server);
  return office;
}

const recalc = (cells: Cell[]) => recalcCells(office, cells);

function rutRows(from: string, to: string): [number, number][] {
  return rut.dates.flatMap((d, i) => (d >= from && d <= to ? [[excelSerial(d), rut.values[i]] as [number, number]] : []));
}

describe('TIDE functions in the browser against the local server', () => {
  beforeAll(async () => {
    await freshPage();
  });

  it('registers exactly the functions listed in functions.json', async () => {
    const registered = await office.page.evaluate(() => Object.keys((window as unknown as { __registered: object }).__registered));
    const metadata = JSON.parse(readFileSync('addin/dist/functions.json', 'utf8')) as { functions: { id: string }[] };
    expect(registered.sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(registered).toContain('SERIES');
  });

  it('SERIES spills the RUT closes of July 2024 as in the CSV, with dates as serials or ISO text', async () => {
    const expected = rutRows('2024-07-01', '2024-07-31');
    expect(expected).toHaveLength(22);
    const [iso, serials, headed] = await recalc([
      ['SERIES', ['RUT', '2024-07-01', '2024-07-31']],
      ['SERIES', ['RUT', excelSerial('2024-07-01'), excelSerial('2024-07-31'), null, null, null, null]],
      ['SERIES', ['RUT', '2024-07-01', '2024-07-31', null, null, null, true]],
    ]);
    expect(iso.value).toEqual(expected);
    expect(serials.value).toEqual(expected);
    expect(headed.value).toEqual([['Date', 'RUT'], ...expected]);
  });

  it('VALUE, CHANGE, SEARCH and INFO return what the data says', async () => {
    const [onSaturday, latest, change, search, name, first] = await recalc([
      ['VALUE', ['RUT', '2024-07-06']],
      ['VALUE', ['RUT']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-16']],
      ['SEARCH', ['russell 2000 index', true]],
      ['INFO', ['RUT', 'name']],
      ['INFO', ['RUT', 'first date']],
    ]);
    expect(onSaturday.value).toBe(rut.values[rut.dates.indexOf('2024-07-05')]);
    expect(latest.value).toBe(rut.values.at(-1));
    const [c09, c16] = [rut.values[rut.dates.indexOf('2024-07-09')], rut.values[rut.dates.indexOf('2024-07-16')]];
    expect(change.value).toBeCloseTo(c16 / c09 - 1, 12);
    expect(change.value).toBeCloseTo(0.1154, 4); // the +11.54% SOURCES.md notes
    const rows = search.value as unknown[][];
    expect(rows[0]).toEqual(['Id', 'Name', 'Unit', 'Frequency', 'Source', 'First date', 'Last date']);
    expect(rows.find((r) => r[0] === 'RUT')).toEqual(['RUT', 'Russell 2000 Index', 'Index', 'DAILY', 'Yahoo Finance', excelSerial('2022-01-03'), excelSerial('2024-12-31')]);
    expect(name.value).toBe('Russell 2000 Index');
    expect(first.value).toBe(excelSerial('2022-01-03'));
  });

  it('shows #N/A for unknown ids and #VALUE! naming the bad argument', async () => {
    const [unknown, badDate, badFrequency, badWindow, badField] = await recalc([
      ['SERIES', ['NOPE']],
      ['SERIES', ['RUT', 'July 1st']],
      ['SERIES', ['RUT', null, null, 'hourly']],
      ['CORR', ['RUT', 'DGS2', 0]],
      ['INFO', ['RUT', 'colour']],
    ]);
    expect(unknown.error).toMatchObject({ code: '#N/A', isCustomFunctionsError: true });
    expect(unknown.error!.message).toMatch(/^Unknown series id "NOPE"/);
    expect(badDate.error).toMatchObject({ code: '#VALUE!', message: 'start: "July 1st" is not a date; use a date cell, a serial, or text like "2024-07-01"' });
    expect(badFrequency.error).toMatchObject({ code: '#VALUE!' });
    expect(badFrequency.error!.message).toMatch(/^frequency: "hourly" is not one of: DAILY/);
    expect(badWindow.error).toMatchObject({ code: '#VALUE!', message: 'window: 0 is not a whole number from 2 to 2520' });
    expect(badField.error!.message).toMatch(/^field: "colour" is not one of: NAME, UNIT/);
  });

  // Reference: test/e2e/reference/indicator_reference.py (pandas over data/real/).
  it('CHANGE, CORR, POSITIONING and CUTPROB agree with pandas on the bundled data', async () => {
    const [change, changeDgs2, runup, corr, longShare, cut, vol, relvol, beta] = await recalc([
      ['CHANGE', ['RUT', '2024-07-06', '2024-07-16']],
      ['CHANGE', ['DGS2', '2024-07-09', '2024-07-16']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-31', 'max runup']],
      ['CORR', ['RUT', 'DGS2', 63, '2024-07-31', '2024-07-31']],
      ['POSITIONING', ['239742', 'asset manager', '2024-07-01', '2024-07-21']],
      ['CUTPROB', ['2024-09-18', '2024-07-10', true]],
      ['VOL', ['RUT', 20, '2024-07-01', '2024-07-31']], // RUT: no holiday blanks to null a window
      ['RELVOL', ['RUT', 'NASDAQCOM', 13, '2024-07-01', '2024-07-26']],
      ['BETA', ['RUT', 'NASDAQCOM', 60, '2024-07-01', '2024-07-31', null, null, null, true]],
    ]);
    expect(change.value).toBeCloseTo(ref.change_rut_2024_07_06_to_07_16, 10);
    expect(changeDgs2.value).toBeCloseTo(ref.change_dgs2_2024_07_09_to_07_16, 10); // a yield: its change in bp
    expect(runup.value).toBeCloseTo(ref.max_runup_rut_2024_07_09_to_07_31, 10);
    expect(corr.value).toHaveLength(1);
    const [[corrDate, corrValue]] = corr.value as [number, number][];
    expect(corrDate).toBe(excelSerial('2024-07-31'));
    expect(corrValue).toBeCloseTo(ref.corr_rut_dgs2_63_ending_2024_07_31, 10);
    expect(longShare.value).toEqual(Object.entries(ref.asset_manager_long_share_july_2024).map(([d, v]) => [excelSerial(d), expect.closeTo(v, 12)]));
    const outcomes = cut.value as unknown[][];
    expect(outcomes[0]).toEqual(['Lower bound', 'Upper bound', 'Change (bp)', 'Probability']);
    const byChange = new Map(outcomes.slice(1).map((r) => [r[2], r[3] as number]));
    expect(byChange.get(-25)).toBeCloseTo(ref.cutprob_2024_09_18_asof_2024_07_10.minus25, 10);
    expect(byChange.get(0)).toBeCloseTo(ref.cutprob_2024_09_18_asof_2024_07_10.unchanged, 10);
    // The rolling ones: dated rows inside the range, numbers where the window is complete.
    for (const [name, m] of [
      ['VOL', vol],
      ['RELVOL', relvol],
    ] as const) {
      const rows = m.value as [number, number][];
      expect(rows.length, name).toBeGreaterThan(2);
      expect(
        rows.every(([d, v]) => d >= excelSerial('2024-07-01') && d <= excelSerial('2024-07-31') && typeof v === 'number'),
        name,
      ).toBe(true);
    }
    expect((beta.value as unknown[][])[0]).toEqual(['Date', 'BETA(RUT, NASDAQCOM)']);
  });

  it('RATEPATH spills one row per meeting the bundled futures price; September agrees with the pandas CUTPROB reference', async () => {
    const [path] = await recalc([['RATEPATH', ['2024-07-10', true]]]);
    const rows = path.value as unknown[][];
    expect(rows[0]).toEqual(['Meeting', 'Expected midpoint (%)', 'Expected change (bp)', 'P(cut)', 'P(hold)', 'P(hike)']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2024-07-31', '2024-09-18', '2024-11-07', '2024-12-18'].map(excelSerial));
    const sep = rows[2] as number[];
    const pCut = ref.cutprob_2024_09_18_asof_2024_07_10.minus25; // one 25 bp step at most: P(cut) is the fraction of a step
    expect(sep[3]).toBeCloseTo(pCut, 10);
    expect(sep[4]).toBeCloseTo(ref.cutprob_2024_09_18_asof_2024_07_10.unchanged, 10);
    expect(sep[2]).toBeCloseTo(-25 * pCut, 8);
    expect(sep[1]).toBeCloseTo(5.375 - 0.25 * pCut, 8); // July is taken as no change: the midpoint moves by September's expectation
  });

  it("passes the API's own argument errors on as #VALUE! and unknown ids as #N/A", async () => {
    const [notMeeting, unknownContract, unknownInput] = await recalc([
      ['CUTPROB', ['2024-09-17', '2024-07-10']],
      ['POSITIONING', ['999999', 'DEALER']],
      ['CORR', ['RUT', 'NOPE', 20]],
    ]);
    expect(notMeeting.error?.code).toBe('#VALUE!');
    expect(notMeeting.error?.message).toMatch(/2024-09-18/); // names the nearest meeting
    expect(unknownContract.error?.code).toBe('#N/A');
    expect(unknownInput.error?.code).toBe('#N/A');
    expect(unknownInput.error?.message).toMatch(/NOPE/);
  });

  it('computes every formula of the sample workbook without an error', async () => {
    const cells: Cell[] = [];
    const where: string[] = [];
    for (const sheet of SHEETS) {
      // Input cells hold dates, which Excel passes as serials: B3, B4, ... after the text lines.
      const inputs = Object.fromEntries((sheet.inputs ?? []).map(([, v, kind], k) => [`B${sheet.lines.length + 2 + k}`, kind === 'date' ? excelSerial(String(v)) : v]));
      for (const f of [...(sheet.scalars ?? []).map((x) => x.formula), ...sheet.spills.map((x) => x.formula)]) {
        const { id, args } = evaluateCall(f, inputs);
        cells.push([id, args]);
        where.push(`${sheet.name}: ${f}`);
      }
    }
    const results = await recalc(cells);
    const failed = results.flatMap((r, i) => (r.error ? [`${where[i]} → ${r.error.code} ${r.error.message}`] : []));
    expect(failed).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
  });
});
