// The built functions bundle in headless chromium, registered through a stand-in for Excel's
// custom functions runtime, calling the real local Tide server (dynalite + bundled dataset).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../addin/helpers/ensure-built.js';
import { launchBrowser, openAddinPage, type OfficePage } from './helpers/browser.js';
import type { CellResult } from './helpers/office-stand-in.js';
import { closes, excelSerial } from './helpers/data.js';

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
  office = await openAddinPage(browser, `${server.url}/addin/functions.html`);
  await office.page.waitForFunction(() => Object.keys((window as { __registered?: object }).__registered ?? {}).length > 0);
  return office;
}

function recalc(cells: Cell[]): Promise<CellResult[]> {
  return office.page.evaluate((c) => (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc(c), cells);
}

async function one(id: string, ...args: unknown[]): Promise<CellResult> {
  return (await recalc([[id, args]]))[0];
}

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
});
