// Debian's chromium, headless, driven by playwright-core; the page may reach 127.0.0.1 only.
import { chromium, type Browser, type Page } from 'playwright-core';
import { OFFICE_STAND_IN, type CellResult } from './office-stand-in.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** `env` reaches the browser process: HOME picks the NSS certificate database it trusts (~/.pki/nssdb). */
export function launchBrowser(opts: { env?: NodeJS.ProcessEnv } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    env: opts.env,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface OfficePage {
  page: Page;
  /** GraphQL requests (GET and POST to any /graphql endpoint) since the page opened. */
  graphqlRequests: { method: string; url: string; at: number }[];
}

/** A GraphQL request of the add-in: a POST, or a cacheable GET (with a query string), to /graphql. */
export function isGraphQLRequest(method: string, url: string): boolean {
  return (method === 'POST' || method === 'GET') && new URL(url).pathname === '/graphql';
}

/** Opens an add-in page with office.js replaced by `officeScript` (the stand-in, or nothing). */
export async function openAddinPage(browser: Browser, url: string, officeScript = OFFICE_STAND_IN): Promise<OfficePage> {
  const page = await browser.newPage();
  const graphqlRequests: OfficePage['graphqlRequests'] = [];
  page.on('request', (r) => {
    if (isGraphQLRequest(r.method(), r.url())) graphqlRequests.push({ method: r.method(), url: r.url(), at: Date.now() });
  });
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === 'appsforoffice.microsoft.com') {
      return route.fulfill({ contentType: 'text/javascript', body: officeScript });
    }
    return target.hostname === '127.0.0.1' || target.hostname === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(url);
  return { page, graphqlRequests };
}

/**
 * The functions page of the add-in served by `server`, registered and signed in with the server's
 * key (plus any client options), with a cold cache, as when a workbook opens.
 */
export async function openFunctionsPage(browser: Browser, server: { url: string; apiKey: string }, options: Record<string, unknown> = {}, officeScript = OFFICE_STAND_IN): Promise<OfficePage> {
  const office = await openAddinPage(browser, `${server.url}/addin/functions.html`, officeScript);
  await office.page.waitForFunction(() => 'SERIES' in ((window as { __registered?: object }).__registered ?? {}));
  await office.page.evaluate((o) => (window as unknown as { tide: { configure(o: unknown): void } }).tide.configure(o), { apiKey: server.apiKey, ...options });
  return office;
}

/** A cell to calculate: the function's id and its arguments as Excel passes them. */
export type FormulaCell = [string, unknown[]];

/** Calculates the cells as Excel would, through the stand-in's `__recalc`, all in one recalculation. */
export function recalcCells(office: OfficePage, cells: FormulaCell[]): Promise<CellResult[]> {
  return office.page.evaluate((c) => (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc(c), cells);
}
