// The sample workbook opened in headless chromium, through the real task pane page and functions
// bundle (Excel's shared runtime), on the Excel stand-in, against the real local server: requests
// per open, pinned and live, and changing the pin from the pane. An "open" is a new page in the
// same browser profile, whose OfficeRuntime.storage survives as it does across Excel restarts.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { sampleCalls } from '../../support/addin/sample-workbook.js';
import { launchBrowser } from '../../support/browser/browser.js';
import { addinProfile, calculateOnOpen, openWorkbook, settle } from '../../support/browser/workbook-page.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
const figures: Record<string, number> = {};
const FORMULAS = sampleCalls().length;

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/workbook-open.json', JSON.stringify({ formulas: FORMULAS, ...figures }, null, 2) + '\n');
  console.log('sample workbook opens:', { formulas: FORMULAS, ...figures });
  await browser?.close();
  await server?.close();
});

/** No formula left calculating (#BUSY!) and none failed: every cell shows a value. */
function expectAllShown(cells: { address: string; shown: unknown }[]): void {
  expect(cells).toHaveLength(FORMULAS);
  const bad = cells.filter((c) => c.shown === undefined || (typeof c.shown === 'string' && c.shown.startsWith('#')));
  expect(bad).toEqual([]);
}

describe('opening the sample workbook', { timeout: 120_000 }, () => {
  it('pinned: the first open sends one cacheable GET of the pinned cells and one POST of the rest, the second (after a restart) sends none; changing the pin does the same again', async () => {
    const profile = await addinProfile(browser, server);
    const first = await openWorkbook(profile, server, { 'tide.asOf': '2024-07-20' });
    expect(await first.page.textContent('#pin-banner')).toBe('Pinned to July 20, 2024: TIDE cells show what was published by then');
    const shown1 = await calculateOnOpen(first);
    expectAllShown(shown1);
    await settle(first);
    figures.pinnedFirstOpen = first.requests();
    // One batch of the pinned cells as a cacheable GET, which this server had not seen yet, so it came
    // again as POST with its query (an APQ miss); and one batch, POST, of the cells whose answers can
    // change (SEARCH: the catalog).
    expect(first.methods().sort()).toEqual(['GET', 'POST', 'POST']);
    await first.page.close();

    const second = await openWorkbook(profile, server, { 'tide.asOf': '2024-07-20' });
    const shown2 = await calculateOnOpen(second);
    const stats = await settle(second);
    figures.pinnedSecondOpen = second.requests();
    expect(figures.pinnedSecondOpen).toBe(0);
    expect(shown2).toEqual(shown1);
    expect(stats.finalHits).toBeGreaterThan(0);

    // The user picks another date in the pane.
    await second.page.fill('#pin-date', '2024-07-26');
    await second.page.click('#pin-submit');
    await second.page.waitForFunction(() => document.getElementById('status')!.textContent === 'Pinned to 2024-07-26; TIDE cells recalculated');
    figures.pinChange = second.requests();
    expect(second.methods().sort()).toEqual(['GET', 'POST', 'POST']);
    expect(await second.page.textContent('#pin-banner')).toBe('Pinned to July 26, 2024: TIDE cells show what was published by then');
    const saved = await second.page.evaluate(() => (window as unknown as { __book: { savedSettings: Record<string, unknown> } }).__book.savedSettings);
    expect(saved['tide.asOf']).toBe('2024-07-26');
    const shown3 = await second.page.evaluate(() => (window as unknown as { __formulaCells(): { address: string; shown: unknown }[] }).__formulaCells());
    expectAllShown(shown3);
    expect(shown3).not.toEqual(shown2); // a week later, other values
    await profile.close();
  });

  it('live: the first open sends one batch; the second shows the last answers at once and refreshes them in one batch, recalculating nothing', async () => {
    const profile = await addinProfile(browser, server);
    const first = await openWorkbook(profile, server);
    expect(await first.page.textContent('#pin-banner')).toBe('Live: TIDE cells show the latest values');
    const shown1 = await calculateOnOpen(first);
    expectAllShown(shown1);
    await settle(first);
    figures.liveFirstOpen = first.requests();
    // The cells with their own past asOf as a cacheable GET (new to the server: then POST with the
    // query), the latest values as POST.
    expect(first.methods().sort()).toEqual(['GET', 'POST', 'POST']);
    await first.page.close();

    // Reopened an hour later: the answers kept are no longer current, but recent enough to show.
    await profile.clock.setFixedTime(new Date(Date.now() + 3_600_000));
    const second = await openWorkbook(profile, server);
    const shown2 = await calculateOnOpen(second);
    expectAllShown(shown2);
    expect(shown2).toEqual(shown1);
    const stats = await settle(second);
    figures.liveSecondOpen = second.requests();
    figures.liveSecondOpenServedFromCache = stats.staleServed;
    expect(stats.staleServed).toBeGreaterThan(0);
    expect(stats.refreshes).toBe(stats.staleServed);
    expect(second.methods()).toEqual(['POST']); // the refresh of the latest values, one batch
    expect(stats.changedAfterRefresh).toBe(0);
    const calculations = await second.page.evaluate(() => (window as unknown as { __book: { log: { calculations: string[] } } }).__book.log.calculations);
    expect(calculations).toEqual([]); // nothing changed: no recalculation asked
    await profile.close();
  });
});
