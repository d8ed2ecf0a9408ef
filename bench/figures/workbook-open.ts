import { performance } from 'node:perf_hooks';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser } from '../../support/browser/browser.js';
import { addinProfile, calculateOnOpen, openWorkbook, settle } from '../../support/browser/workbook-page.js';
import { ms, times, type Row } from '../harness.js';

/**
 * The sample workbook opened twice in headless chromium (task pane + functions bundle, Excel
 * stand-in, real local server), pinned and live: requests per open and time until every cell
 * shows a value. Baseline: the first open of the same workbook, with nothing kept yet.
 */
export async function workbookOpenFigures(): Promise<Row[]> {
  await ensureAddinBuilt();
  const server = await startLocalServer({});
  const browser = await launchBrowser();
  try {
    const rows: Row[] = [];
    for (const pinned of [true, false]) {
      const profile = await addinProfile(browser, server);
      const settings = pinned ? { 'tide.asOf': '2024-07-20' } : {};
      const opens: { requests: number; ms: number }[] = [];
      for (let i = 0; i < 2; i++) {
        if (i === 1 && !pinned) await profile.clock.setFixedTime(new Date(Date.now() + 3_600_000)); // reopened an hour later
        const wb = await openWorkbook(profile, server, settings);
        const t0 = performance.now();
        const cells = await calculateOnOpen(wb);
        const shownMs = performance.now() - t0;
        if (cells.some((c) => c.shown === undefined || String(c.shown).startsWith('#'))) throw new Error('a cell of the sample failed or stayed #BUSY!');
        await settle(wb);
        opens.push({ requests: wb.requests(), ms: shownMs });
        await wb.page.close();
      }
      const [first, second] = opens;
      const label = pinned ? 'pinned (2024-07-20)' : 'live';
      rows.push({
        figure: `sample workbook, ${label}: requests on the second open`,
        value: `${second.requests} request${second.requests === 1 ? '' : 's'}${pinned ? '' : ' (the background refresh)'}`,
        baseline: `first open: ${first.requests}`,
        ratio: first.requests ? times(second.requests / first.requests) : 'n/a',
        target: pinned ? '0 requests' : '≤ 1 request, cells shown before it',
        met: pinned ? second.requests === 0 : second.requests <= 1,
      });
      rows.push({
        figure: `sample workbook, ${label}: every cell shown (second open)`,
        value: ms(second.ms),
        baseline: `first open: ${ms(first.ms)}`,
        ratio: times(second.ms / first.ms),
        target: '< first open',
        met: second.ms < first.ms,
      });
      await profile.close();
    }
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
