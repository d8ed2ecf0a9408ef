// The sample workbook on the Excels the add-in meets, each a profile of the requirement sets
// Microsoft lists for it (support/addin/host-profiles.ts, which cites the tables): the task pane
// and functions bundle in headless chromium, on the Excel stand-in answering isSetSupported from the
// profile and failing the APIs it lacks, against the real local server. Each host shows what
// degrades and how; the numbers in the cells are the same on all of them.
//
//                           data types from functions   cell notes (1.18)   spill ranges (1.12)
//   Microsoft 365           formatted numbers           yes                 yes
//   Office LTSC 2024        plain numbers (no CFR 1.4)  no                  yes
//   Office LTSC 2021        plain numbers               no                  yes
//   Excel on Mac 16.35      plain numbers               no                  no: sizes from the call log
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { HOST_PROFILES, type HostProfile } from '../../support/addin/host-profiles.js';
import { sampleCalls } from '../../support/addin/sample-workbook.js';
import { launchBrowser } from '../../support/browser/browser.js';
import { addinProfile, calculateOnOpen, openWorkbook } from '../../support/browser/workbook-page.js';
import type { CellResult } from '../../support/browser/office-stand-in.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
const FORMULAS = sampleCalls().length;
const seen: Record<string, unknown> = {};

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/host-profiles.json', JSON.stringify(seen, null, 2) + '\n');
  await browser?.close();
  await server?.close();
});

interface Expected {
  /** What a percent result is on this host: a DoubleCellValue, or the plain number. */
  formatted: 'Double' | 'plain';
  notes: boolean;
  spills: boolean;
}

const HOSTS: [HostProfile, Expected][] = [
  [HOST_PROFILES.microsoft365, { formatted: 'Double', notes: true, spills: true }],
  [HOST_PROFILES.office2024, { formatted: 'plain', notes: false, spills: true }],
  [HOST_PROFILES.office2021, { formatted: 'plain', notes: false, spills: true }],
  [HOST_PROFILES.mac16_35, { formatted: 'plain', notes: false, spills: false }],
];

interface Book {
  cellAt(a: string): { formula?: string; value?: unknown; shown?: unknown; note?: string };
  select(sheet: string, address: string): void;
}
const book = <T>(page: Page, fn: (b: Book) => T): Promise<T> => page.evaluate(`(${fn.toString()})(window.__book)`) as Promise<T>;
const statusIs = (page: Page, pattern: RegExp) => page.waitForFunction((p) => new RegExp(p).test(document.getElementById('status')!.textContent ?? ''), pattern.source);

let firstShown: { address: string; shown: unknown }[] | undefined;

describe('the sample workbook on each host', { timeout: 120_000 }, () => {
  for (const [host, expected] of HOSTS) {
    it(`${host.name}: every cell shows a value; percent results ${expected.formatted === 'Double' ? 'carry their format' : 'are plain numbers'}; Freeze ${expected.notes ? 'adds notes' : 'writes no notes'}${expected.spills ? '' : ' and sizes arrays from the call log'}; Explain ${expected.spills ? 'traces a spilled cell' : 'asks for the formula cell'}`, async () => {
      const profile = await addinProfile(browser, server);
      const wb = await openWorkbook(profile, server, { 'tide.asOf': '2024-07-20' }, { sheet: 'Run-up', address: 'B15' }, host);
      const { page } = wb;
      const record: Record<string, unknown> = {};

      // Every formula shows a value (a data type where the host cannot take one would be #VALUE!).
      const shown = await calculateOnOpen(wb);
      expect(shown).toHaveLength(FORMULAS);
      expect(shown.filter((c) => c.shown === undefined || (typeof c.shown === 'string' && c.shown.startsWith('#')))).toEqual([]);
      // The same numbers on every host: the format is only how Excel shows them.
      if (firstShown) expect(shown).toEqual(firstShown);
      else firstShown = shown;

      // What the functions return here for a fraction (Run-up!B6's 11.54 %).
      const [change] = await page.evaluate(() => (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc([['CHANGE', ['RUT', '2024-07-09', '2024-07-16']]]));
      expect(change.error).toBeUndefined();
      if (expected.formatted === 'Double') expect(change.value).toEqual({ type: 'Double', basicType: 'Double', basicValue: expect.closeTo(0.1154, 4), numberFormat: '0.00%' });
      else expect(change.value).toBeCloseTo(0.1154, 4);
      record.percentResult = change.value;

      // Explain on a cell inside the spilled array of A11.
      await page.evaluate(() => document.getElementById('explain-box')!.setAttribute('open', ''));
      await page.click('#explain');
      await page.waitForSelector('#explanation[data-kind]');
      const kind = await page.getAttribute('#explanation', 'data-kind');
      record.explainSpilledCell = expected.spills ? await page.textContent('.explain-cell') : await page.textContent('#status');
      if (expected.spills) {
        expect(kind).toBe('explained');
        expect(record.explainSpilledCell).toBe('\'Run-up\'!A11: =TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)');
      } else {
        expect(kind).toBe('none');
        expect(record.explainSpilledCell).toBe('Select a cell with a TIDE formula: this Excel (before ExcelApi 1.12) cannot tell which formula spilled into a cell.');
      }

      // Freeze the sheet: values stay, formulas kept; notes only where the host has them.
      const before = await book(page, (b) => [b.cellAt("'Run-up'!B6"), b.cellAt("'Run-up'!B20")]);
      await book(page, (b) => b.select('Run-up', 'A1'));
      await page.click('#freeze-sheet');
      await statusIs(page, /^Froze 6 TIDE formulas/);
      const status = (await page.textContent('#status'))!;
      record.freezeStatus = status;
      expect(status).toContain(expected.notes ? 'the cells hold values and a note' : 'the cells hold values (this Excel cannot add notes: ExcelApi 1.18)');
      const frozen = await book(page, (b) => [b.cellAt("'Run-up'!B6"), b.cellAt("'Run-up'!B20")]);
      expect(frozen.map((c) => c.formula)).toEqual([undefined, undefined]);
      expect(frozen.map((c) => c.value)).toEqual(before.map((c) => c.shown)); // B20 is inside A11's array
      if (expected.notes) expect(frozen[0].note).toMatch(/^Frozen by Tide on .*=TIDE\.CHANGE\("RUT",B3,B4\), as of 2024-07-20 \(workbook pin\)\./);
      else expect(frozen[0].note).toBeUndefined();

      await page.click('#unfreeze-sheet');
      await statusIs(page, /^Restored 6 TIDE formulas$/);
      const restored = await book(page, (b) => [b.cellAt("'Run-up'!B6"), b.cellAt("'Run-up'!B20")]);
      expect(restored.map((c) => c.formula)).toEqual([before[0].formula, undefined]);
      expect(restored.map((c) => c.note)).toEqual([undefined, undefined]);
      expect(await book(page, (b) => b.cellAt("'Run-up'!A11").formula)).toBe('=TIDE.SERIES("RUT","2024-06-01",B4,,"REBASE_100",,TRUE)');

      seen[host.id] = { name: host.name, sets: host.sets, ...record };
      await profile.close();
    });
  }
});
