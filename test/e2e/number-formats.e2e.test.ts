// The functions give their results a display format (docs/excel.md, "Units and number formats"):
// fractions as percent, basis points as bp, through the built bundle in chromium against the local
// server, on hosts from Microsoft's requirement-set tables (support/addin/host-profiles.ts): Microsoft
// 365 today (ExcelApi 1.20, CustomFunctionsRuntime 1.5) gets DoubleCellValues with numberFormat,
// Version 2208 (ExcelApi 1.16, CustomFunctionsRuntime 1.4) FormattedNumberCellValues, Office LTSC 2024
// (ExcelApi 1.17 but no CustomFunctionsRuntime 1.4, so no data types from functions) plain numbers.
// The value under the format is the same number in all three, so formulas on the cells compute the same.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openFunctionsPage, recalcCells, type OfficePage } from '../../support/browser/browser.js';
import { HOST_PROFILES, type HostProfile } from '../../support/addin/host-profiles.js';
import { officeStandIn } from '../../support/browser/office-stand-in.js';
import { excelSerial } from '../../support/browser/data.js';

type Cell = [string, unknown[]];

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
const hosts: Record<'current' | 'v116' | 'old', OfficePage> = {} as never;

const open = (host: HostProfile): Promise<OfficePage> => openFunctionsPage(browser, server, {}, officeStandIn({ host }));

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  hosts.current = await open(HOST_PROFILES.microsoft365);
  hosts.v116 = await open(HOST_PROFILES.microsoft365_2208);
  hosts.old = await open(HOST_PROFILES.office2024);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const recalc = recalcCells;

const PERCENT = '0.00%';
const BP = '#,##0.0" bp"';
const double = (basicValue: unknown, numberFormat: string) => ({ type: 'Double', basicType: 'Double', basicValue, numberFormat });
const number = (v: number) => expect.closeTo(v, 12);

/** The formulas, and what a host with data types shows: the format each value carries (undefined = plain). */
const CELLS: { cell: Cell; format: (string | undefined)[] }[] = [
  { cell: ['CHANGE', ['RUT', '2024-07-09', '2024-07-16']], format: [PERCENT] },
  { cell: ['CHANGE', ['RUT', '2024-07-09', '2024-12-31', 'MAX_RUNUP']], format: [PERCENT] },
  { cell: ['CHANGE', ['DGS2', '2024-07-01', '2024-07-31']], format: [BP] },
  { cell: ['CHANGE', ['RUT', '2024-07-09', '2024-07-16', 'ABS']], format: [undefined] },
  { cell: ['VOL', ['NASDAQCOM', 20, '2024-07-01', '2024-07-05']], format: [undefined, PERCENT] },
  { cell: ['VOL', ['DGS2', 250, '2024-12-31', '2024-12-31']], format: [undefined, BP] },
  { cell: ['CORR', ['RUT', 'DGS2', 63, '2024-07-31', '2024-07-31']], format: [undefined, undefined] },
  { cell: ['SERIES', ['NASDAQCOM', '2024-07-05', '2024-07-05', null, 'PCT_CHANGE']], format: [undefined, PERCENT] },
  { cell: ['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'YOY']], format: [undefined, PERCENT] },
  { cell: ['SERIES', ['RUT', '2024-07-05', '2024-07-05']], format: [undefined, undefined] },
  { cell: ['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-16', '2024-07-16', 'PCT_OF_OPEN_INTEREST']], format: [undefined, PERCENT] },
  { cell: ['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-16', '2024-07-16', 'NET']], format: [undefined, undefined] },
  { cell: ['CUTPROB', ['2024-09-18', '2024-07-10']], format: [undefined, undefined, BP, PERCENT] },
  { cell: ['VALUE', ['DGS2', '2024-07-31']], format: [undefined] },
];

/** Every number of a result, in order (a scalar is one). */
const flat = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[][]).flat() : [v]);

describe('number formats carried by the results', () => {
  it('Office LTSC 2024 (ExcelApi 1.17, no data types from custom functions) gets plain numbers, none of them #VALUE!', async () => {
    const results = await recalc(
      hosts.old,
      CELLS.map((c) => c.cell),
    );
    for (const [i, r] of results.entries()) {
      expect(r.error, JSON.stringify(CELLS[i].cell)).toBeUndefined();
      for (const v of flat(r.value)) expect(typeof v === 'number' || v === '', JSON.stringify(CELLS[i].cell)).toBe(true);
    }
  });

  for (const [host, type] of [
    ['current', 'Double'],
    ['v116', 'FormattedNumber'],
  ] as const) {
    it(`${host === 'current' ? 'Microsoft 365 (ExcelApi 1.19+)' : 'Microsoft 365 Version 2208 (ExcelApi 1.16)'}: fractions carry ${PERCENT}, bp carry ${BP}, as ${type} values over the same numbers`, async () => {
      const cells = CELLS.map((c) => c.cell);
      const [formatted, plain] = await Promise.all([recalc(hosts[host], cells), recalc(hosts.old, cells)]);
      for (const [i, { cell, format }] of CELLS.entries()) {
        const label = JSON.stringify(cell);
        const rows: unknown[][] = Array.isArray(plain[i].value) ? (plain[i].value as unknown[][]) : [[plain[i].value]];
        const expected = rows.map((row) => row.map((v, c) => (format[c] && typeof v === 'number' ? { ...double(number(v), format[c]!), type } : v)));
        expect(Array.isArray(formatted[i].value) ? formatted[i].value : [[formatted[i].value]], label).toEqual(expected);
      }
    });
  }

  it('the values: 11.54 % RUT change, −48 bp DGS2 change, 97.9 bp DGS2 volatility, 78.5 % for a September cut', async () => {
    const [change, dgs2, vol, cutprob] = await recalc(hosts.current, [CELLS[0].cell, CELLS[2].cell, CELLS[5].cell, CELLS[12].cell]);
    expect(change.value).toEqual(double(expect.closeTo(0.1154, 4), PERCENT));
    expect(dgs2.value).toEqual(double(expect.closeTo(-48, 9), BP));
    expect(vol.value).toEqual([[excelSerial('2024-12-31'), double(expect.closeTo(97.88, 2), BP)]]);
    const cut = (cutprob.value as unknown[][]).find((r) => (r[2] as { basicValue: number }).basicValue === -25)!;
    expect(cut[3]).toEqual(double(expect.closeTo(0.7846, 4), PERCENT)); // CME's day count (test/indicators/fedwatch.test.ts)
  });

  it('a formatted result passed back as an argument reads as its number', async () => {
    const [[, vol]] = (await recalc(hosts.current, [['VOL', ['DGS2', 250, '2024-12-31', '2024-12-31']]]))[0].value as unknown[][];
    const window = { ...(vol as object), basicValue: 20, numberFormat: '0' }; // a formatted 20, as Excel would pass a cell holding one
    const [fromFormatted, fromNumber] = await recalc(hosts.current, [
      ['VOL', ['RUT', window, '2024-07-01', '2024-07-05']],
      ['VOL', ['RUT', 20, '2024-07-01', '2024-07-05']],
    ]);
    expect(fromFormatted.error).toBeUndefined();
    expect(fromFormatted.value).toEqual(fromNumber.value);
  });
});
