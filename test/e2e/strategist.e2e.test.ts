// The strategist's conventions through the Excel functions (the built bundle in headless chromium,
// the real local server over the bundled data): each series on its own observations, rates in
// basis points, fractions everywhere, honest periods, one rule for "nothing there", asOf before
// the earliest vintage said. Expected values: pandas (test/indicators/reference/generate.py) or the
// source files with the arithmetic written out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { mismatches, reference } from '../indicators/helpers/data.js';
import { launchBrowser, openFunctionsPage, type OfficePage } from '../../support/browser/browser.js';
import type { CellResult } from '../../support/browser/office-stand-in.js';
import { closes, excelSerial } from '../../support/browser/data.js';

type Cell = [string, unknown[]];

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let office: OfficePage;

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  office = await openFunctionsPage(browser, server);
}, 120_000);
afterAll(async () => {
  await office?.page.close();
  await browser?.close();
  await server?.close();
});

function recalc(cells: Cell[]): Promise<CellResult[]> {
  return office.page.evaluate((c) => (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc(c), cells);
}

/** The reference rows dated within [from, to], as Excel spills them. */
function rows(ref: { dates: string[]; values: (number | null)[] }, from: string, to: string) {
  return ref.dates.flatMap((d, i) => (d >= from && d <= to ? [[excelSerial(d), ref.values[i]] as const] : []));
}

describe('alignment on each series\' own observations', () => {
  it('VOL of NASDAQCOM over 250 days has a value on every date of 2023-06 … 2024-12, equal to pandas', async () => {
    const [vol] = await recalc([['VOL', ['NASDAQCOM', 250, '2023-06-01', '2024-12-31']]]);
    const got = vol.value as [number, number][];
    const expected = rows(reference('volatility_nasdaqcom_250'), '2023-06-01', '2024-12-31');
    expect(got.length).toBe(reference('volatility_nasdaqcom_250_coverage').dates);
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    expect(got.every((r) => typeof r[1] === 'number')).toBe(true);
    expect(mismatches(got.map((r) => r[1]), expected.map((r) => r[1]))).toEqual([]);
  });

  it('the NASDAQCOM change on 2024-07-05 is measured from 07-03 across the holiday', async () => {
    const [pct] = await recalc([['SERIES', ['NASDAQCOM', '2024-07-05', '2024-07-05', null, 'PCT_CHANGE']]]);
    const ndq = closes('nasdaqcom_daily_fred.csv');
    const v = (d: string) => ndq.values[ndq.dates.indexOf(d)];
    expect(pct.value).toEqual([[excelSerial('2024-07-05'), expect.closeTo(v('2024-07-05') / v('2024-07-03') - 1, 12)]]);
  });

  it('CORR of RUT with DGS2 over 250 days has a value on every common date of 2023-06 … 2024-12', async () => {
    const [corr] = await recalc([['CORR', ['RUT', 'DGS2', 250, '2023-06-01', '2024-12-31']]]);
    const got = corr.value as [number, number][];
    const expected = rows(reference('correlation_rut_dgs2_250'), '2023-06-01', '2024-12-31');
    expect(got.length).toBe(expected.length);
    expect(mismatches(got.map((r) => r[1]), expected.map((r) => r[1]))).toEqual([]);
  });
});

describe('units', () => {
  it('VOL of DGS2 is in basis points a year: 97.88 at 2024-12-31', async () => {
    const [vol] = await recalc([['VOL', ['DGS2', 250, '2024-12-31', '2024-12-31']]]);
    const ref = reference('volatility_dgs2_250_bp');
    expect(vol.value).toEqual([[excelSerial('2024-12-31'), expect.closeTo(ref.values.at(-1), 9)]]);
    expect((vol.value as number[][])[0][1]).toBeCloseTo(97.88, 2);
  });

  it('CHANGE and run-ups are fractions (format as %); a rate\'s CHANGE is in bp', async () => {
    const [runup, change, dgs2] = await recalc([
      ['CHANGE', ['RUT', '2024-07-09', '2024-12-31', 'MAX_RUNUP']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-16']],
      ['CHANGE', ['DGS2', '2024-07-01', '2024-07-31']],
    ]);
    const ref = reference('runup_rut').since_2024_07_09;
    expect(runup.value).toBeCloseTo(ref.runup.value, 12);
    expect(runup.value).toBeCloseTo(0.2033, 4);
    expect(change.value).toBeCloseTo(0.1154, 4);
    expect(dgs2.value).toBeCloseTo(-48, 9); // 4.77 % → 4.29 %
  });

  it('POSITIONING shares of open interest are fractions, like the long share', async () => {
    const [oi] = await recalc([['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-16', '2024-07-16', 'PCT_OF_OPEN_INTEREST']]]);
    const [[, share]] = oi.value as [number, number][];
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.45);
  });

  it('CUTPROB under the stated day count: 85 % for a 25 bp September cut on 2024-07-10, 90 % / 10 % on 07-12', async () => {
    const [before, after] = await recalc([
      ['CUTPROB', ['2024-09-18', '2024-07-10']],
      ['CUTPROB', ['2024-09-18', '2024-07-12']],
    ]);
    const byChange = (m: unknown) => new Map((m as number[][]).map((r) => [r[2], r[3]]));
    expect(byChange(before.value).get(-25)).toBeCloseTo(0.85, 9);
    expect(byChange(before.value).get(0)).toBeCloseTo(0.15, 9);
    expect(byChange(after.value).get(-25)).toBeCloseTo(0.9, 9);
    expect(byChange(after.value).get(-50)).toBeCloseTo(0.1, 9);
  });
});

describe('periods, empty ranges and asOf', () => {
  it('a weekly SERIES ends with the last complete week, never a future Friday', async () => {
    const [weeks] = await recalc([['SERIES', ['RUT', '2024-12-01', null, 'WEEKLY']]]);
    const got = weeks.value as number[][];
    expect(got.at(-1)![0]).toBe(excelSerial('2024-12-27'));
  });

  it('ANNUALIZED of daily data is #VALUE! naming what to do instead', async () => {
    const [annualized] = await recalc([['SERIES', ['RUT', '2024-07-01', '2024-07-31', null, 'ANNUALIZED']]]);
    expect(annualized.error?.code).toBe('#VALUE!');
    expect(annualized.error?.message).toMatch(/MONTHLY or QUARTERLY.*PCT_CHANGE/);
  });

  it('a window longer than the returns used is #VALUE!', async () => {
    const [vol] = await recalc([['VOL', ['RUT', 753]]]);
    expect(vol.error?.code).toBe('#VALUE!');
    expect(vol.error?.message).toMatch(/753.*752 returns of RUT/);
  });

  it('nothing in the range is #N/A saying where the data are, for series and indicators alike', async () => {
    const [series, vol, positioning] = await recalc([
      ['SERIES', ['RUT', '2030-01-01']],
      ['VOL', ['RUT', 20, '2030-01-01']],
      ['POSITIONING', ['239742', 'DEALER', '2030-01-01']],
    ]);
    for (const r of [series, vol, positioning]) {
      expect(r.error?.code).toBe('#N/A');
      expect(r.error?.message).toMatch(/no values in 2030-01-01/);
    }
  });

  it('asOf before the earliest vintage held is #N/A naming that vintage', async () => {
    const vintages = (await (await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify({ query: '{ series(id: "CPIAUCSL") { vintages } }' }),
    })).json()).data.series.vintages as string[];
    const [cpi, value] = await recalc([
      ['SERIES', ['CPIAUCSL', null, null, null, null, '2020-01-01']],
      ['VALUE', ['CPIAUCSL', null, '2020-01-01']],
    ]);
    for (const r of [cpi, value]) {
      expect(r.error?.code).toBe('#N/A');
      expect(r.error?.message).toContain(`earliest vintage held is ${vintages[0]}`);
    }
  });
});
