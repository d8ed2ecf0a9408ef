// The task pane in headless chromium against the local server: search, select, chart, formula,
// settings kept across reloads. Outside Excel office.js is absent (served empty here).
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openAddinPage, type OfficePage } from '../../support/browser/browser.js';
import { closes } from '../../support/browser/data.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let pane: OfficePage;

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  pane = await openAddinPage(browser, `${server.url}/addin/taskpane.html`, '/* no Office here */');
  await pane.page.waitForSelector('body[data-ready="true"]');
  // The key the server printed, entered in the settings as a user would.
  await pane.page.click('#settings summary');
  await pane.page.fill('#api-key', server.apiKey);
  await pane.page.click('#settings-form button');
  await pane.page.waitForFunction(() => document.getElementById('status')!.textContent === 'Settings saved');
  await pane.page.click('#settings summary');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('task pane', () => {
  it('searches the catalog, charts the selected series and shows its formula', async () => {
    const { page } = pane;
    await page.fill('#search-text', 'russell');
    await page.click('#search-form button');
    await page.waitForSelector('#results li[data-id="RUT"]');
    expect(await page.textContent('#status')).toMatch(/^\d+ series/);
    // The pane lists in the API's ranking: the instruments before the CFTC report columns.
    expect(await page.$$eval('#results li', (lis) => lis.slice(0, 3).map((li) => (li as HTMLElement).dataset.id))).toEqual(['RUT', 'IWM', 'RTY=F']);

    await page.click('#results li[data-id="RUT"]');
    await page.waitForSelector('#chart[data-points]');
    expect(await page.getAttribute('#chart', 'data-points')).toBe(String(closes('rut_daily_yahoo.csv').dates.length));
    expect(await page.textContent('#formula')).toBe('=TIDE.SERIES("RUT")');

    // The line is drawn: the plot canvas has pixels of the series colour (#007a87).
    const teal = await page.$eval('#chart canvas', (c) => {
      const canvas = c as HTMLCanvasElement;
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 40 && data[i + 1] > 90 && data[i + 1] < 150 && data[i + 2] > 100 && data[i + 2] < 170 && data[i + 3] > 200) n++;
      return n;
    });
    expect(teal).toBeGreaterThan(200);

    await page.fill('#start', '2024-07-01');
    await page.dispatchEvent('#start', 'change');
    const sinceJuly = closes('rut_daily_yahoo.csv').dates.filter((d) => d >= '2024-07-01').length;
    await page.waitForSelector(`#chart[data-points="${sinceJuly}"]`);
    expect(await page.textContent('#formula')).toBe('=TIDE.SERIES("RUT","2024-07-01")');
    // Outside Excel the insert button is off; the formula is there to copy.
    expect(await page.isDisabled('#insert')).toBe(true);

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/taskpane-chart.png', fullPage: true });
  });

  it('builds the ratio of two picked series: formula, chart of the ratio, and back', async () => {
    const { page } = pane;
    await page.fill('#start', '2024-07-01');
    await page.dispatchEvent('#start', 'change');
    await page.fill('#search-text', 'russell');
    await page.click('#search-form button');
    await page.waitForSelector('#results li[data-id="RTY=F"]');
    await page.click('#results li[data-id="RUT"]');
    await page.click('#ratio');
    expect(await page.getAttribute('#ratio', 'aria-pressed')).toBe('true');
    await page.click('#results li[data-id="RTY=F"]'); // an id the grammar quotes
    await page.waitForFunction(() => document.getElementById('formula')!.textContent!.includes('/'));
    expect(await page.textContent('#formula')).toBe(`=TIDE.SERIES("RUT / 'RTY=F'","2024-07-01")`);
    // The chart shows the ratio, on the dates both series have (rut_daily_yahoo.csv, rty_f_front_month_daily_yahoo.csv).
    const rty = new Set(closes('rty_f_front_month_daily_yahoo.csv').dates);
    const shared = closes('rut_daily_yahoo.csv').dates.filter((d) => d >= '2024-07-01' && rty.has(d)).length;
    await page.waitForSelector(`#chart[data-points="${shared}"]`);
    expect(await page.textContent('#status')).toBe(`RUT / 'RTY=F': ${shared} observations`);
    await page.click('#ratio'); // clears it
    await page.waitForFunction(() => document.getElementById('formula')!.textContent === '=TIDE.SERIES("RUT","2024-07-01")');
  });

  it('keeps the API URL and key across reloads and refuses a URL that is not one', async () => {
    const { page } = pane;
    await page.click('#settings summary');
    await page.fill('#api-key', 'k-123');
    await page.click('#settings-form button');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Settings saved');
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.inputValue('#api-key')).toBe('k-123');
    expect(await page.inputValue('#api-url')).toBe(`${server.url}/graphql`);

    await page.click('#settings summary');
    await page.fill('#api-url', 'ftp://example');
    await page.click('#settings-form button');
    expect(await page.textContent('#status')).toBe('the API URL must start with https:// (or http:// for a local server)');
  });
});
