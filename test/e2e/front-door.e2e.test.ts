// The front page's GraphQL IDE in headless chromium against the local server: GraphiQL renders from
// Tide's own files, opens a tab per README example with the development key, runs one, and the
// page asks nothing of any host but this loopback server.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../api/front-door/examples.js';
import { startLocalServer } from '../../api/local/server.js';
import { ensureIdeBuilt } from '../helpers/ensure-ide-built.js';
import { launchBrowser } from '../../support/browser/browser.js';

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let page: Page;
const requested: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  await ensureIdeBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  // Record every request; let only loopback through, so one to anywhere else shows up and fails.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    requested.push(url);
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/`);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the front page IDE', () => {
  it('renders GraphiQL with one tab per README example and the development key in the headers', async () => {
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror');
    const tabs = await page.$$eval('.graphiql-tab .graphiql-tab-button', (els) => els.map((e) => e.textContent ?? ''));
    expect(tabs).toEqual(EXAMPLES.map((e) => e.name));
    const query = await page.$eval('.graphiql-query-editor .CodeMirror', (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(query).toContain(`# ${EXAMPLES[0].title}`);
    expect(query).toContain('series(id: "CPIAUCSL")');
    const headers = await page.$eval('.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror', (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(headers)).toEqual({ 'x-api-key': server.apiKey });
  });

  it('runs the first example and shows the answer', async () => {
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => {
      const cm = document.querySelector('.result-window .CodeMirror') as unknown as { CodeMirror?: { getValue(): string } } | null;
      return cm?.CodeMirror?.getValue().includes('313.049');
    });
    const result = await page.$eval('.result-window .CodeMirror', (el) => (el as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
    expect(JSON.parse(result)).toEqual({ data: { series: { firstPrint: { values: [313.049] }, latest: { values: [313.044] } } } });
  });

  it('loaded the schema (the docs explorer lists Query) and asked nothing of any other host', async () => {
    await page.click('[aria-label="Show Documentation Explorer"]');
    await page.waitForSelector('.graphiql-doc-explorer-content >> text=Query');
    const elsewhere = requested.filter((u) => !/^http:\/\/(localhost|127\.0\.0\.1):\d+\//.test(u));
    expect(elsewhere).toEqual([]);
    expect(requested.some((u) => u.endsWith('/ide/ide.js'))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
