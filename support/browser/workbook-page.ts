// Opens the add-in's task pane page (which also runs functions.js: Excel's shared runtime) on a
// workbook held by the Excel stand-in, in a browser context that keeps OfficeRuntime.storage
// between opens, as Excel keeps it between restarts.
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SHEETS } from '../../addin/scripts/workbook-spec.js';
import { sampleCells } from '../addin/sample-workbook.js';
import { DEFAULT_HOST, type HostProfile } from '../addin/host-profiles.js';
import { officeStandIn } from './office-stand-in.js';
import { isGraphQLRequest } from './browser.js';

let bundle: Promise<string> | undefined;

function standInBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: ['support/browser/workbook-page-entry.ts'],
    bundle: true,
    format: 'iife',
    globalName: '__tideWorkbook',
    target: 'es2020',
    write: false,
    logLevel: 'warning',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export interface WorkbookPage {
  page: Page;
  /** GraphQL requests (GET and POST to /graphql) since the page opened. */
  requests(): number;
  /** Their methods, in order. */
  methods(): string[];
}

/** A profile of the add-in on one computer: signed in to `server`, storage kept across opens. */
export async function addinProfile(browser: Browser, server: { url: string; apiKey: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 380, height: 900 } });
  const saved = JSON.stringify({ apiUrl: `${server.url}/graphql`, apiKey: server.apiKey });
  await context.addInitScript((s) => {
    if (!localStorage.getItem('tide.settings')) localStorage.setItem('tide.settings', s);
  }, saved);
  return context;
}

/** A workbook for the stand-in: its sheets, and each cell's formula or value as typed. */
export interface WorkbookSetup {
  sheets: string[];
  cells: { sheet: string; cell: string; content: string | number }[];
  settings?: Record<string, unknown>;
  selection?: { sheet: string; address: string };
  host?: HostProfile;
}

/** What a page loads in place of office.js to hold `setup` in the Excel stand-in (uncalculated until `__open`). */
export async function workbookScript(setup: WorkbookSetup): Promise<string> {
  const host = setup.host ?? DEFAULT_HOST;
  const full = { settings: {}, ...setup, host };
  return `${officeStandIn({ host })}\n${await standInBundle()}\n__tideWorkbook.install(${JSON.stringify(full)});`;
}

/**
 * Opens the sample workbook (with `settings` saved in it) in the task pane page, in the Excel `host`
 * (a profile of support/addin/host-profiles.ts: its requirement sets, for Office.js and the workbook
 * alike; Office LTSC 2024 unless told); does not calculate yet.
 */
export async function openWorkbook(
  context: BrowserContext,
  server: { url: string },
  settings: Record<string, unknown> = {},
  selection?: { sheet: string; address: string },
  host: HostProfile = DEFAULT_HOST,
): Promise<WorkbookPage> {
  const script = await workbookScript({ sheets: SHEETS.map((s) => s.name), cells: sampleCells(), settings, selection, host });
  const page = await context.newPage();
  const methods: string[] = [];
  page.on('request', (r) => {
    if (isGraphQLRequest(r.method(), r.url())) methods.push(r.method());
  });
  await page.route('**/*', (route) => {
    const target = new URL(route.request().url());
    if (target.hostname === 'appsforoffice.microsoft.com') return route.fulfill({ contentType: 'text/javascript', body: script });
    return target.hostname === '127.0.0.1' || target.hostname === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(`${server.url}/addin/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
  return { page, requests: () => methods.length, methods: () => [...methods] };
}

/** Excel opening the file: every formula calculated; resolves with what each formula cell shows. */
export function calculateOnOpen(wb: WorkbookPage): Promise<{ address: string; shown: unknown }[]> {
  return wb.page.evaluate(() => (window as unknown as { __open(): Promise<{ address: string; shown: unknown }[]> }).__open());
}

/** Waits for background refreshes and writes the answer cache, as the add-in does before Excel closes. */
export function settle(wb: WorkbookPage): Promise<{ finalHits: number; staleServed: number; refreshes: number; changedAfterRefresh: number }> {
  return wb.page.evaluate(async () => {
    const f = (window as unknown as { tide: { fetcher(): { idle(): Promise<void>; flushCache(): Promise<void>; stats: never } } }).tide.fetcher();
    await f.idle();
    await new Promise((r) => setTimeout(r, 100));
    await f.flushCache();
    return f.stats;
  });
}
