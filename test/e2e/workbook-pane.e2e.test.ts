// The task pane's workbook tools in headless chromium, on the sample workbook held by the Excel
// stand-in, against the real local server: the pin banner, Explain with Copy query, Freeze and
// Unfreeze from the buttons. Screenshots go to test-results/ ($TIDE_SCREENSHOTS: docs/images for
// `npm run docs:screenshots`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { HOST_PROFILES } from '../../support/addin/host-profiles.js';
import { launchBrowser } from '../../support/browser/browser.js';
import { addinProfile, calculateOnOpen, openWorkbook, type WorkbookPage } from '../../support/browser/workbook-page.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let profile: BrowserContext;
let wb: WorkbookPage;
const SHOTS = process.env.TIDE_SCREENSHOTS ?? 'test-results';

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  profile = await addinProfile(browser, server);
  await profile.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  // Microsoft 365: every tool at its fullest (notes, spill ranges); host-profiles.e2e.test.ts has the others.
  wb = await openWorkbook(profile, server, { 'tide.asOf': '2024-07-20' }, { sheet: 'Run-up', address: 'B15' }, HOST_PROFILES.microsoft365);
  await calculateOnOpen(wb);
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A picture of the pane from its top to the bottom of `until`. */
async function shoot(page: Page, until: string, file: string): Promise<void> {
  const box = (await page.locator(until).boundingBox())!;
  await page.screenshot({ path: join(SHOTS, file), clip: { x: 0, y: 0, width: 380, height: Math.ceil(box.y + box.height + 8) } });
}

interface Book {
  cellAt(a: string): { formula?: string; value?: unknown; note?: string };
  select(sheet: string, address: string): void;
}
const book = <T>(page: Page, fn: (b: Book) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__book)`) as Promise<T>;

describe('task pane on a workbook', { timeout: 120_000 }, () => {
  it('shows the pin clearly', async () => {
    const { page } = wb;
    expect(await page.textContent('#pin-banner')).toBe('Pinned to July 20, 2024: TIDE cells show what was published by then');
    expect(await page.getAttribute('#pin-banner', 'class')).toBe('pinned');
    expect(await page.inputValue('#pin-date')).toBe('2024-07-20');
    // Every answer of a workbook pinned to a day that is over is kept for good.
    await page.waitForFunction(() => /^[1-9]/.test(document.getElementById('cache-status')!.textContent!));
    const [, kept, forGood] = /^(\d+) answers kept on this computer \((\d+) for good\)$/.exec((await page.textContent('#cache-status'))!)!;
    expect(Number(forGood)).toBe(Number(kept));
    await page.evaluate(() => document.getElementById('explain-box')!.removeAttribute('open'));
    await page.evaluate(() => document.getElementById('freeze-box')!.removeAttribute('open'));
    await shoot(page, '#asof', 'taskpane-pin.png');
  });

  it('explains the selected cell of a spilled series and copies its query', async () => {
    const { page } = wb;
    await page.evaluate(() => document.getElementById('explain-box')!.setAttribute('open', ''));
    await page.click('#explain');
    await page.waitForSelector('#explanation[data-kind="explained"]');
    expect(await page.textContent('.explain-cell')).toBe('\'Run-up\'!A11: =TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)');
    const query = await page.textContent('.explain-query');
    expect(query).toContain('observations(from: "2024-06-01", to: "2024-07-31", transform: REBASE_100, asOf: "2024-07-20")');
    expect(await page.textContent('.explain-series tr[data-id="RUT"]')).toContain('2024-07-19');
    // The bundled closes end 2024-12-31 and nothing keeps them current here: the pane says the series is stale.
    expect(await page.textContent('.explain-series tr[data-id="RUT"] .explain-stale')).toBe(
      'Stale: the next value was due by 2025-01-03 (the NYSE trading calendar) and has not arrived (last observation 2024-12-31; no scheduled ingest keeps it).',
    );
    expect(await page.getAttribute('.explain-series tr[data-id="RUT"] a', 'href')).toMatch(/^https:\/\//);
    await page.click('.copy-query');
    await page.waitForSelector('.copy-query:text("Copied")');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(query);
    await shoot(page, '#explain-box', 'taskpane-explain.png');

    // A cell that is not a TIDE formula says so.
    await book(page, (b) => b.select('About', 'A1'));
    await page.click('#explain');
    await page.waitForSelector('#explanation[data-kind="none"]');
  });

  it('freezes the sheet with the buttons and unfreezes it exactly', async () => {
    const { page } = wb;
    await page.evaluate(() => document.getElementById('explain-box')!.removeAttribute('open'));
    await page.evaluate(() => document.getElementById('freeze-box')!.setAttribute('open', ''));
    await book(page, (b) => b.select('Run-up', 'A1'));
    const before = await book(page, (b) => b.cellAt("'Run-up'!B6"));
    expect(before.formula).toBe('=TIDE.CHANGE("RUT",B3,B4)');
    await page.click('#freeze-sheet');
    await page.waitForFunction(() => /^Froze 6 TIDE formulas/.test(document.getElementById('status')!.textContent!));
    const frozen = await book(page, (b) => b.cellAt("'Run-up'!B6"));
    expect(frozen.formula).toBeUndefined();
    expect(typeof frozen.value).toBe('number');
    expect(frozen.note).toMatch(/^Frozen by Tide on \d{4}-\d\d-\d\d \d\d:\d\d UTC: values of =TIDE\.CHANGE\("RUT",B3,B4\), as of 2024-07-20 \(workbook pin\)\./);
    expect(await page.textContent('#frozen-status')).toMatch(/^6 TIDE formulas frozen in this workbook, last on /);
    await shoot(page, '#freeze-box', 'taskpane-freeze.png');

    // Explain on a frozen cell tells what it was.
    await page.evaluate(() => document.getElementById('explain-box')!.setAttribute('open', ''));
    await book(page, (b) => b.select('Run-up', 'B20'));
    await page.click('#explain');
    await page.waitForFunction(() => /^Frozen by Tide on .*=TIDE\.SERIES\("RUT"/.test(document.querySelector('.explain-note')?.textContent ?? ''));
    await page.evaluate(() => document.getElementById('explain-box')!.removeAttribute('open'));
    await book(page, (b) => b.select('Run-up', 'A1'));

    await page.click('#unfreeze-sheet');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Restored 6 TIDE formulas');
    expect(await book(page, (b) => b.cellAt("'Run-up'!B6"))).toMatchObject({ formula: before.formula, note: undefined });
    expect(await page.textContent('#frozen-status')).toBe('No TIDE formulas are frozen in this workbook.');
  });

  it('forgets the kept answers on request and recalculates from the server', async () => {
    const { page } = wb;
    const before = wb.requests();
    await page.click('#forget-answers');
    await page.waitForFunction(() => document.getElementById('status')!.textContent === 'Kept answers forgotten; TIDE cells recalculated from the server');
    // the pinned cells as one GET (the server knows its query by now), the catalog cell as one POST
    expect(wb.methods().slice(before).sort()).toEqual(['GET', 'POST']);
  });
});
