// The setup most browser tests of the Excel functions share: the built add-in, the local server over
// the bundled dataset, headless chromium and one signed-in functions page, opened once per file.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openFunctionsPage, recalcCells, type FormulaCell, type OfficePage } from '../../support/browser/browser.js';

export interface FunctionsSheet {
  readonly server: Awaited<ReturnType<typeof startLocalServer>>;
  readonly office: OfficePage;
  recalc(cells: FormulaCell[]): ReturnType<typeof recalcCells>;
}

export function useFunctionsSheet(): FunctionsSheet {
  let server: FunctionsSheet['server'];
  let browser: Browser;
  let office: OfficePage;
  beforeAll(async () => {
    await ensureAddinBuilt();
    server = await startLocalServer({});
    browser = await launchBrowser();
    office = await openFunctionsPage(browser, server);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      return server;
    },
    get office() {
      return office;
    },
    recalc: (cells) => recalcCells(office, cells),
  };
}
