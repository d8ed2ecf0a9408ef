// The task pane's "Changed since" list in headless chromium: a workbook (in the Excel stand-in,
// support/addin/excel-stand-in.ts, bundled into the page) holding TIDE cells as a note written on 2024-08-15 would, checked
// against today through the real functions bundle and the local server with the bundled vintages.
// Expected values are the vintage files' (see test/graphql/revisions.test.ts for their dates).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openAddinPage, type OfficePage } from '../../support/browser/browser.js';
import { excelSerial } from '../../support/browser/data.js';
import { workbookScript, type WorkbookSetup } from '../../support/browser/workbook-page.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let pane: OfficePage;

// As the note's author typed it; the formulas are not calculated here: the check calls the functions itself.
const WORKBOOK: WorkbookSetup = {
  sheets: ['Note', 'GDP notes'],
  cells: [
    { sheet: 'Note', cell: 'A1', content: 'CPIAUCSL' },
    { sheet: 'Note', cell: 'B1', content: excelSerial('2024-06-01') },
    { sheet: 'Note', cell: 'C1', content: '=TIDE.VALUE(A1,B1)' },
    { sheet: 'Note', cell: 'C2', content: '=TIDE.SERIES("A191RL1Q225SBEA","2024-01-01","2024-04-01")' },
    { sheet: 'Note', cell: 'C3', content: '=TIDE.SERIES("RUT","2024-07-01","2024-07-31")' },
    { sheet: 'Note', cell: 'C4', content: '=TIDE.SERIES("CPIAUCSL","2024-06-01","2024-06-01",,,"2024-08-15")' },
    { sheet: 'Note', cell: 'C5', content: '=TIDE.VALUE("CPIAUCSL",DATE(2024,6,1))' },
    { sheet: 'Note', cell: 'C6', content: '=TIDE.INFO("RUT","name")' },
    { sheet: 'Note', cell: 'C7', content: '=TIDE.REVISIONS("CPIAUCSL","2024-06-01")' },
    { sheet: 'Note', cell: 'C8', content: '=TIDE.SERIES("CPIAUCSL","2024-06-01","2024-12-01")' },
    { sheet: 'Note', cell: 'D1', content: '=C1*2' },
    { sheet: 'GDP notes', cell: 'A1', content: '=TIDE.SERIES(\'GDP notes\'!B1,"2024-04-01","2024-04-01",,"FIRST")' },
    { sheet: 'GDP notes', cell: 'B1', content: 'A191RL1Q225SBEA' },
  ],
};

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  pane = await openAddinPage(browser, `${server.url}/addin/taskpane.html`, await workbookScript(WORKBOOK));
  await pane.page.waitForSelector('body[data-ready="true"]');
  await pane.page.click('#settings summary');
  await pane.page.fill('#api-key', server.apiKey);
  await pane.page.click('#settings-form button');
  await pane.page.waitForFunction(() => document.getElementById('status')!.textContent === 'Settings saved');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function checkAgainst(date: string): Promise<string> {
  const { page } = pane;
  await page.fill('#changed-since', date);
  // A check against the same date as the last one would otherwise find its mark already set.
  await page.evaluate(() => delete document.getElementById('changed-list')!.dataset.checked);
  await page.click('#changed-check');
  await page.waitForFunction((d) => document.getElementById('changed-list')!.dataset.checked === d || /^Could not/.test(document.getElementById('status')!.textContent!), date);
  return (await page.textContent('#status'))!;
}

describe('task pane: changed since', () => {
  it('lists the cells whose values were revised or extended since 2024-08-15, with what changed', async () => {
    const status = await checkAgainst('2024-08-15');
    const today = await pane.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    // C1, C2, C7, C8 changed; C3 (closes, never revised) and GDP notes!A1 (a first release) did not;
    // C4 has its own asOf; C5's date is a formula; C6 (INFO) does not depend on a date; D1 is not a TIDE cell.
    expect(status).toBe(`4 of 9 TIDE cells would differ between 2024-08-15 and today (${today}); 1 fixed by their own asOf, 1 not checked`);
    const items = await pane.page.$$eval('#changed-list li', (lis) =>
      lis.map((li) => ({ at: li.getAttribute('data-address'), status: li.getAttribute('data-status'), summary: li.querySelector('.summary')!.textContent })),
    );
    expect(items).toEqual([
      // June 2024 CPI: first print 313.049 (2024-12 vintage, published 2024-07-11), 313.044 now (2026-04 vintage).
      { at: 'Note!C1', status: 'changed', summary: '313.049 → 313.044' },
      // 2024Q1 and Q2 growth as known on 2024-08-15 (the 2024-07-25 release: 1.4, 2.8), now 0.8 and 3.6.
      { at: 'Note!C2', status: 'changed', summary: '2 values revised (first 2024-01-01: 1.4 → 0.8)' },
      {
        at: 'Note!C5',
        status: 'unchecked',
        summary: 'not checked: an argument is a formula (DATE(2024,6,1)) and the cell has not been calculated since the add-in started; recalculate (Ctrl+Alt+F9) and check again',
      },
      // One publication known on 2024-08-15; the 2025-02-12 and 2026-02-13 revisions since.
      { at: 'Note!C7', status: 'changed', summary: '2 rows added' },
      // June and July revised; August to December 2024 published since.
      { at: 'Note!C8', status: 'changed', summary: '2 values revised (first 2024-06-01: 313.049 → 313.044); 5 rows added' },
    ]);
  });

  it('finds nothing changed between today and today, and selects a listed cell when clicked', async () => {
    const today = await pane.page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    expect(await checkAgainst(today)).toMatch(/^0 of 9 TIDE cells would differ/);
    expect(await pane.page.$$eval('#changed-list li[data-status="changed"]', (lis) => lis.length)).toBe(0);

    await checkAgainst('2024-08-15');
    await pane.page.click('#changed-list li[data-address="Note!C2"]');
    await pane.page.waitForFunction(() => {
      const { selection } = (window as unknown as { __book: { selection: { sheet: string; address: string } } }).__book;
      return `${selection.sheet}!${selection.address}` === 'Note!C2';
    });
  });

  it('checks a cell whose argument is a formula once Excel has calculated it, with the arguments Excel passed', async () => {
    // Excel calls the function with the formula's arguments evaluated and the cell's address last.
    await pane.page.evaluate(
      (serial) => (window as unknown as { __registered: Record<string, (...a: unknown[]) => Promise<unknown>> }).__registered.VALUE('CPIAUCSL', serial, { address: 'Note!C5' }),
      excelSerial('2024-06-01'),
    );
    await checkAgainst('2024-08-15');
    const c5 = await pane.page.$eval('#changed-list li[data-address="Note!C5"]', (li) => [li.getAttribute('data-status'), li.querySelector('.summary')!.textContent]);
    expect(c5).toEqual(['changed', '313.049 → 313.044']);
    expect(await pane.page.textContent('#status')).toMatch(/^5 of 9 TIDE cells would differ between 2024-08-15 and today \(.*\); 1 fixed by their own asOf$/);
  });

  it('refuses a date after today and a missing date', async () => {
    expect(await checkAgainstRaw('2999-01-01')).toMatch(/^2999-01-01 is after today/);
    expect(await checkAgainstRaw('')).toBe('Choose the date to compare with');
  });
});

async function checkAgainstRaw(date: string): Promise<string> {
  const { page } = pane;
  await page.fill('#changed-since', date);
  await page.click('#changed-check');
  await page.waitForFunction(() => document.getElementById('status')!.classList.contains('error'));
  return (await page.textContent('#status'))!;
}
