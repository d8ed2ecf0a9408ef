// Whole sheets recalculating at once: how many HTTP requests reach the real local server, how
// long it takes, and what every cell gets when the server is unreachable, silent or refusing.
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { startSilentServer } from '../addin/helpers/silent-server.js';
import { launchBrowser, openFunctionsPage, type OfficePage } from '../../support/browser/browser.js';
import type { CellResult } from '../../support/browser/office-stand-in.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import { startRefusingServer } from './helpers/refusing-server.js';

type Cell = [string, unknown[]];

let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
const rut = closes('rut_daily_yahoo.csv');

beforeAll(async () => {
  await ensureAddinBuilt();
  server = await startLocalServer({});
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page with a cold cache, as when a workbook opens. */
const openSheet = (options: Record<string, unknown> = {}): Promise<OfficePage> => openFunctionsPage(browser, server, options);

/** Time is measured inside the page, from the first call to the last cell settling (as Excel sees it). */
async function recalc(office: OfficePage, cells: Cell[]): Promise<{ results: CellResult[]; ms: number; requests: number; retries: number }> {
  const before = office.graphqlRequests.length;
  const retriesBefore = await retryRequests(office);
  const { results, ms } = await office.page.evaluate(async (c) => {
    const t0 = performance.now();
    const results = await (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc(c);
    return { results, ms: performance.now() - t0 };
  }, cells);
  return { results, ms, requests: office.graphqlRequests.length - before, retries: (await retryRequests(office)) - retriesBefore };
}

/** Requests that re-asked fields a loaded server called busy: not part of the batching budget. */
function retryRequests(office: OfficePage): Promise<number> {
  return office.page.evaluate(() => (window as unknown as { tide: { client(): { stats: { retryRequests: number } } } }).tide.client().stats.retryRequests);
}

/** Cell i: SERIES of RUT over the 20 trading days from the i-th date; every cell differs. */
function distinctCells(n: number): Cell[] {
  return Array.from({ length: n }, (_, i) => ['SERIES', ['RUT', rut.dates[i % 700], rut.dates[(i % 700) + 19], i >= 700 ? 'DAILY' : null]]);
}

function expectedRows(i: number): [number, number][] {
  const s = i % 700;
  return rut.dates.slice(s, s + 20).map((d, k) => [excelSerial(d), rut.values[s + k]]);
}

describe('batching in the browser', () => {
  it('500 distinct cells cost at most 5 requests, and each cell gets its own rows', async () => {
    const office = await openSheet();
    const { results, requests, retries } = await recalc(office, distinctCells(500));
    expect(requests).toBeGreaterThan(0);
    expect(requests - retries).toBeLessThanOrEqual(5);
    results.forEach((r, i) => expect(r.value, `cell ${i}`).toEqual(expectedRows(i)));
    await office.page.close();
  });

  it('500 identical cells cost 1 request', async () => {
    const office = await openSheet();
    const { results, requests, retries } = await recalc(
      office,
      Array.from({ length: 500 }, (): Cell => ['VALUE', ['RUT', '2024-07-16']]),
    );
    expect(requests - retries).toBe(1);
    expect(new Set(results.map((r) => r.value))).toEqual(new Set([rut.values[rut.dates.indexOf('2024-07-16')]]));
    await office.page.close();
  });

  it('1,000 distinct cells recalculating at once: requests and time, recorded in test-results/', async () => {
    const office = await openSheet();
    const cold = await recalc(office, distinctCells(1000));
    const warm = await recalc(office, distinctCells(1000));
    const wrong = cold.results.flatMap((r, i) => (JSON.stringify(r.value) === JSON.stringify(expectedRows(i)) ? [] : [r.error?.message ?? `cell ${i}: other rows`]));
    expect([...new Set(wrong)]).toEqual([]);
    expect(cold.requests - cold.retries).toBeLessThanOrEqual(5);
    expect(warm.requests).toBe(0); // within the cache lifetime nothing is fetched again
    mkdirSync('test-results', { recursive: true });
    const record = { cells: 1000, coldRequests: cold.requests, coldRetryRequests: cold.retries, coldMs: Math.round(cold.ms), warmRequests: warm.requests, warmMs: Math.round(warm.ms) };
    writeFileSync('test-results/batching-1000-cells.json', JSON.stringify(record, null, 2) + '\n');
    console.log('1,000 cells:', record);
    await office.page.close();
  });
});

describe('every cell gets an error instead of waiting forever', () => {
  it('server that never answers: #N/A saying so, after the timeout', async () => {
    const silent = await startSilentServer();
    try {
      const office = await openSheet({ url: silent.url, timeoutMs: 1500 });
      const { results, ms } = await recalc(office, [
        ['SERIES', ['RUT']],
        ['VALUE', ['DGS2']],
      ]);
      for (const r of results) {
        expect(r.error).toMatchObject({ code: '#N/A', isCustomFunctionsError: true });
        expect(r.error!.message).toBe(`Tide server at ${silent.url} did not answer within 1.5 s. Check the API URL and key in the Tide task pane.`);
      }
      expect(ms).toBeGreaterThanOrEqual(1400);
      expect(ms).toBeLessThan(5000);
      await office.page.close();
    } finally {
      await silent.close();
    }
  });

  it('server not there: #N/A saying it is unreachable', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(probe.address() as { port: number }).port}/graphql`;
    await new Promise((r) => probe.close(r));
    const office = await openSheet({ url });
    const { results } = await recalc(office, [['SERIES', ['RUT']]]);
    expect(results[0].error).toMatchObject({ code: '#N/A' });
    expect(results[0].error!.message).toMatch(new RegExp(`^Tide server unreachable at ${url.replace(/[.]/g, '\\.')} \\(`));
    await office.page.close();
  });

  it('key refused: #N/A saying the API key is not valid', async () => {
    const refusing = await startRefusingServer();
    try {
      const office = await openSheet({ url: refusing.url, apiKey: 'not-a-key' });
      const { results } = await recalc(office, [['SERIES', ['RUT']]]);
      expect(results[0].error).toMatchObject({ code: '#N/A' });
      expect(results[0].error!.message).toBe(`Tide server at ${refusing.url} refused the request (HTTP 401): the API key is not valid. Set the key in the Tide task pane.`);
      await office.page.close();
    } finally {
      await refusing.close();
    }
  });
});
