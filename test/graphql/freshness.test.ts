import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { readBundled } from '../../api/dataset/read-bundled.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { createHttpServer } from '../../api/local/http-server.js';
import { lambdaContext, toLambdaEvent } from '../../api/local/lambda-event.js';
import { staleList } from '../../api/handlers/stale-list.js';
import { frontDoorHtml, STALE_SHOWN } from '../../api/front-door/page.js';
import { CheckRecords } from '../../api/store/check-records.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';
import { writeSeries } from '../helpers/write-series.js';

// `series { freshness }` and the front page's stale list, over HTTP against dynalite, with the server's
// clock pinned. Two real bundled series (data/real, through the ingest pipeline), each dated by its
// publisher's calendar (series/publisher-calendar.ts): DGS2, daily, whose data end 2024-12-31 (a
// Tuesday); 2025-01-01 is a Federal Reserve holiday (data/calendars/federal_reserve_holidays.csv), so
// the H.15 carried 01-02's yield on 2025-01-03 (the lag rule alone would say 2025-01-05). CPIAUCSL,
// monthly, last 2025-12-01: BLS published January 2026's CPI on 2026-02-13
// (data/calendars/cpi_release_dates.csv; the rule would say 2026-03-02). Pinned to 2026-01-08, DGS2 is
// 370 days late and CPIAUCSL is not.

const TABLE = 'tide-freshness';
const NOW = new Date('2026-01-08T12:00:00Z');
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let http: ReturnType<typeof createHttpServer>;
let url: string;
let apiKey: string;
let table: ReturnType<typeof createTable>;
let handler: ReturnType<typeof createGraphqlHandler>;
let store: SeriesStore;

beforeAll(async () => {
  dynamo = await startDynalite();
  await ensureTable(dynamo.endpoint, TABLE);
  table = createTable({ endpoint: dynamo.endpoint });
  store = new SeriesStore({ table, tableName: TABLE });
  for (const s of (await readBundled('data')).filter((s) => s.meta.id === 'DGS2' || s.meta.id === 'CPIAUCSL')) await writeSeries(store, s.meta, s.revisions);
  // Only DGS2 is kept by a schedule: the ingest checked it two days ago.
  await new CheckRecords(table, TABLE).recordChecked(['DGS2'], new Date('2026-01-06T23:40:00Z'));
  ({ key: apiKey } = await new ApiKeyStore(table, TABLE).create('freshness test'));
  handler = createGraphqlHandler(store, { now: () => NOW, ide: false });
  // As npm start serves it (local/server.ts): the site's front page reads the same list.
  http = createHttpServer(handler, { root: '.', ide: false, staleSeries: staleList(store, () => NOW) });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  http.closeAllConnections();
  await new Promise((resolve) => http.close(resolve));
  table.destroy();
  await dynamo.close();
});

async function query(q: string) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query: q }) });
  return { res, body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
}

describe('series { freshness }', () => {
  it('a daily series past its expected release, checked by the ingest: stale', async () => {
    const { body, res } = await query('{ series(id: "DGS2") { freshness { lastObservation lastChecked expectedBy expectedFrom calendar stale } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.series.freshness).toEqual({
      lastObservation: '2024-12-31',
      lastChecked: '2026-01-06T23:40:00.000Z',
      expectedBy: '2025-01-03',
      expectedFrom: 'CALENDAR',
      calendar: "the Federal Reserve Board's H.15 business days",
      stale: true,
    });
    expect(res.headers.get('cache-control')).toBe('no-store'); // freshness changes with every run and every day
  });

  it('a monthly series within its window, never checked by an ingest: not stale, lastChecked null', async () => {
    const { body } = await query('{ series(id: "CPIAUCSL") { freshness { lastObservation lastChecked expectedBy expectedFrom calendar stale } } }');
    expect(body.data.series.freshness).toEqual({
      lastObservation: '2025-12-01',
      lastChecked: null,
      expectedBy: '2026-02-13',
      expectedFrom: 'CALENDAR',
      calendar: "BLS's CPI release schedule",
      stale: false,
    });
  });
});

describe('the front page', () => {
  const staleSection = (html: string) => /<section id="stale-series"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const expectListsDgs2 = (section: string) => {
    expect(section).toContain('<strong>1 stale series</strong>');
    expect(section).toContain('<code>DGS2</code>');
    expect(section).toContain('last observation 2024-12-31, next expected by 2025-01-03 (the Federal Reserve Board&#39;s H.15 business days; 370 days late); last checked 2026-01-06');
    expect(section).not.toContain('CPIAUCSL');
  };

  it('locally: lists the stale series with what is late and since when, and not the current ones', async () => {
    const res = await fetch(url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expectListsDgs2(staleSection(await res.text()));
    expectListsDgs2(staleSection(await (await fetch(url.replace('/graphql', '/'))).text()));
  });

  it("deployed: the graphql function's page for a browser lists them too", async () => {
    const event = toLambdaEvent({ method: 'GET', url: '/graphql', headers: { accept: 'text/html' }, body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
    const res = (await handler(event, lambdaContext(event.requestContext.requestId))) as { statusCode: number; body: string };
    expect(res.statusCode).toBe(200);
    expectListsDgs2(staleSection(res.body));
  });

  it('deployed: GET / (routed to the graphql function, serverless.yml) is the same page with the same list, without a key or an Accept header', async () => {
    const event = toLambdaEvent({ method: 'GET', url: '/', headers: {}, body: Buffer.alloc(0), sourceIp: '127.0.0.1' });
    const res = (await handler(event, lambdaContext(event.requestContext.requestId))) as { statusCode: number; body: string; headers: Record<string, string> };
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expectListsDgs2(staleSection(res.body));
    const local = await (await fetch(url.replace('/graphql', '/'))).text();
    expect(staleSection(res.body)).toBe(staleSection(local));
    // a POST to / is not the page
    const post = toLambdaEvent({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body: Buffer.from('{"query":"{__typename}"}'), sourceIp: '127.0.0.1' });
    expect(((await handler(post, lambdaContext(post.requestContext.requestId))) as { statusCode: number }).statusCode).toBe(401);
  });

  it('no stale series: no section', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('<section id="stale-series"');
    const fresh = createHttpServer(handler, { root: '.', ide: false, staleSeries: staleList(store, () => new Date('2025-01-02T12:00:00Z')) });
    await new Promise<void>((resolve) => fresh.listen(0, '127.0.0.1', resolve));
    const html = await (await fetch(`http://127.0.0.1:${(fresh.address() as AddressInfo).port}/`)).text();
    fresh.closeAllConnections();
    await new Promise((resolve) => fresh.close(resolve));
    expect(html).toContain('<h1>Tide</h1>');
    expect(html).not.toContain('<section id="stale-series"');
  });

  it('names the first dozen, counts the rest, and escapes what it shows', () => {
    const line = (i: number) => ({ id: `S${i}`, name: i === 0 ? '<b>Rates & "spreads"</b>' : `series ${i}`, lastObservation: '2024-12-31', expectedBy: '2025-01-05', daysLate: 3, lastChecked: null });
    const html = frontDoorHtml({ ide: false, origin: 'https://tide.example', stale: Array.from({ length: STALE_SHOWN + 3 }, (_, i) => line(i)) });
    expect(html).toContain(`<strong>${STALE_SHOWN + 3} stale series</strong>`);
    expect(html.match(/<li><code>S\d+<\/code>/g)).toHaveLength(STALE_SHOWN);
    expect(html).toContain('<li>and 3 more (<code>npm run ingest -- status</code> lists all)</li>');
    expect(html).toContain('&#60;b&#62;Rates &#38; &#34;spreads&#34;&#60;/b&#62;');
    expect(html).toContain('last checked never by an ingest');
  });
});
