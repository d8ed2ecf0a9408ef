// The add-in behind a CDN, for real: headless chromium loads the add-in over https (the developer
// certificate, trusted through the browser profile's certificate database) from a shared HTTP cache
// that fronts the local server as CloudFront fronts a deployment (test/helpers/caching-proxy.ts:
// undici's RFC 9111 cache, honouring Cache-Control and Vary). The functions call the API on that same
// origin. What each recalculation sends, what the cache answers itself and what reaches the server
// are counted at the proxy.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../../api/local/dev-certs.js';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openFunctionsPage, recalcCells, type FormulaCell, type OfficePage } from '../../support/browser/browser.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import { startCachingProxy, type CachingProxy, type ProxiedRequest } from '../helpers/caching-proxy.js';
import { browserHome } from '../helpers/trusting-browser.js';

let tmp: string;
let server: Awaited<ReturnType<typeof startLocalServer>>;
let cdn: CachingProxy;
let browser: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tide-cdn-'));
  await ensureAddinBuilt();
  const cert = await ensureDevCertificate({ dir: join(tmp, 'certs'), installCa: false });
  server = await startLocalServer({});
  cdn = await startCachingProxy(server.url, { https: { key: cert.key, cert: cert.cert } });
  browser = await launchBrowser({ env: { ...process.env, HOME: browserHome(tmp, 'trusting', cert.caPath) } });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await cdn?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const PIN = '2024-07-20';
const rut = closes('rut_daily_yahoo.csv');
const rutRows = (from: string, to: string) => rut.dates.flatMap((d, i) => (d >= from && d <= to ? [[excelSerial(d), rut.values[i]]] : []));
/** A sheet of an analyst's workbook: no cell names an asOf, the pin decides. */
const SHEET: FormulaCell[] = [
  ['SERIES', ['RUT', '2024-07-01', '2024-07-19']],
  ['SERIES', ['RUT', '2024-06-03', '2024-06-28']],
  ['VALUE', ['RUT']],
];

/** One analyst opening the add-in (a new browser context: nothing kept), the workbook pinned or not. */
async function analyst(pin?: string): Promise<OfficePage> {
  const office = await openFunctionsPage(browser, { url: cdn.url, apiKey: server.apiKey });
  if (pin) await office.page.evaluate((p) => (window as unknown as { tide: { setPin(p: string): void } }).tide.setPin(p), pin);
  return office;
}

/** Recalculates `cells`, returning the values and the GraphQL requests the proxy received and forwarded meanwhile. */
async function recalc(office: OfficePage, cells: FormulaCell[]) {
  const r = cdn.received.length;
  const f = cdn.forwarded.length;
  const results = await recalcCells(office, cells);
  const graphql = (list: ProxiedRequest[]) => list.filter((q) => q.url.startsWith('/graphql'));
  return { results, received: graphql(cdn.received.slice(r)), forwarded: graphql(cdn.forwarded.slice(f)) };
}

const forget = (office: OfficePage) => office.page.evaluate(() => (window as unknown as { tide: { fetcher(): { forgetAnswers(): Promise<void> } } }).tide.fetcher().forgetAnswers());

describe('the add-in behind a caching CDN', { timeout: 120_000 }, () => {
  it('a pinned recalculation is a GET; once the server knows its query, the same cells are served by the cache, for this analyst and another with the same key', async () => {
    const a = await analyst(PIN);
    // First contact: the server has not seen this batch (APQ miss), so it comes again as POST with its query.
    const first = await recalc(a, SHEET);
    expect(first.results.map((c) => c.error)).toEqual([undefined, undefined, undefined]);
    expect(first.results[0].value).toEqual(rutRows('2024-07-01', '2024-07-19'));
    expect(first.results[1].value).toEqual(rutRows('2024-06-03', '2024-06-28'));
    expect(first.results[2].value).toBe(rut.values[rut.dates.indexOf('2024-07-19')]); // the last close known on the pin
    expect(first.received.map((q) => q.method)).toEqual(['GET', 'POST']);
    expect(first.received[0].cacheControl).toBe('no-store');
    const url = first.received[0].url;
    expect(new URL(url, cdn.url).searchParams.get('extensions')).toMatch(/^\{"persistedQuery":\{"sha256Hash":"[0-9a-f]{64}","version":1\}\}$/);
    expect(a.graphqlRequests.map((q) => q.method)).toEqual(['GET', 'POST']);

    // Another analyst with the same key: the same URL, answered by the server and kept by the cache.
    const b = await analyst(PIN);
    const second = await recalc(b, SHEET);
    expect(second.received.map((q) => [q.method, q.url, q.cacheControl])).toEqual([['GET', url, 'public, max-age=31536000, immutable']]);
    expect(second.forwarded.map((q) => q.method)).toEqual(['GET']);
    expect(second.results).toEqual(first.results);

    // The first analyst forgets what the add-in kept and recalculates the same cells: the cache answers, the server is not asked.
    await forget(a);
    const third = await recalc(a, SHEET);
    expect(third.received.map((q) => [q.method, q.url])).toEqual([['GET', url]]);
    expect(third.forwarded).toEqual([]);
    expect(third.results).toEqual(first.results);
    await a.page.close();
    await b.page.close();
  });

  it('an unpinned workbook (latest values) stays POST, and nothing of it is kept by the cache', async () => {
    const live = await analyst();
    const got = await recalc(live, [['SERIES', ['RUT', '2024-07-01', '2024-07-19']]]);
    expect(got.results[0].value).toEqual(rutRows('2024-07-01', '2024-07-19'));
    expect(got.received.map((q) => [q.method, q.cacheControl])).toEqual([['POST', 'no-store']]);
    await forget(live);
    const again = await recalc(live, [['SERIES', ['RUT', '2024-07-01', '2024-07-19']]]);
    expect(again.forwarded.map((q) => q.method)).toEqual(['POST']); // asked of the server again
    await live.page.close();
  });

  it("150 pinned cells are several GETs, each URL within 8,192 bytes (CloudFront's limit); a request over the limit goes as POST", async () => {
    const office = await analyst(PIN);
    // 150 cells, each its own range: as one request, far past the limit once the variables are in the URL.
    const ends = rut.dates.filter((d) => d >= '2023-06-01' && d <= PIN).slice(0, 150);
    expect(ends).toHaveLength(150);
    const sheet = ends.map((to): FormulaCell => ['SERIES', ['RUT', '2023-06-01', to]]);
    const got = await recalc(office, sheet);
    const gets = got.received.filter((q) => q.method === 'GET');
    expect(gets.length).toBeGreaterThanOrEqual(3);
    for (const g of gets) expect(Buffer.byteLength(`${cdn.url}${g.url}`)).toBeLessThanOrEqual(8192);
    expect(got.results.map((c) => c.error)).toEqual(ends.map(() => undefined));
    expect(got.results[149].value).toEqual(rutRows('2023-06-01', ends[149]));

    // With a lower limit (the client's maxGetUrlBytes), the same kind of cell goes as POST.
    await office.page.evaluate(() => (window as unknown as { tide: { configure(o: object): void } }).tide.configure({ maxGetUrlBytes: 300 }));
    const long = await recalc(office, [['SERIES', ['RUT', '2023-06-02', '2023-06-30']]]); // a cell not asked above
    expect(long.received.map((q) => q.method)).toEqual(['POST']);
    expect(long.results[0].value).toEqual(rutRows('2023-06-02', '2023-06-30'));
    await office.page.close();
  });
});
