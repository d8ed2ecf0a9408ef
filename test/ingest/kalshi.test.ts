// Kalshi: `npm run ingest -- kalshi TICKER...` → KALSHI:<TICKER>, the daily closing YES price as a
// probability, point in time, with title, rules and settlement in the catalog. Served from a loopback
// server replaying test/ingest/recorded/kalshi (README "Kalshi" says where each file comes from):
// PRES-2024-DJT and CONTROLH-2024-R, election markets settled before Kalshi's historical cutoff, their
// daily candlesticks in integer cents (captured from the official API on 2026-09-18 by the project
// buffedlizard55-lab/Elections); KXGDPSHAREMANU-29, a live GDP market in the `*_dollars` format
// (recorded by ccxt/ccxt in ts/src/kalshi.ts @ 31f62396433c958a3518f1b0e1212f5b16efb1ce).
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { IngestError } from '../../api/ingest/errors.js';
import { fetchJob } from '../../api/ingest/jobs.js';
import { runJobs } from '../../api/ingest/run.js';
import { startKalshiServer, type KalshiServer } from '../../support/ingest/kalshi-server.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
let kalshi: KalshiServer;
const env = () => ({ KALSHI_API_URL: kalshi.url, INGEST_HTTP_RETRIES: '0' });

beforeAll(async () => {
  [api, kalshi] = await Promise.all([startApi(), startKalshiServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), kalshi.close()]);
});
afterEach(() => kalshi.reset());

/**
 * The expected closes, worked out from the recorded bars the way the capturing project labels them
 * (its parseBar: the New York date of end_period_ts minus one day), not with the connector's code:
 * the close in cents, or the previous trade on a day without one.
 */
function expectedCloses(ticker: string): [string, number][] {
  const doc = JSON.parse(readFileSync(new URL(`./recorded/kalshi/historical/candlesticks/${ticker}.json`, import.meta.url), 'utf8'));
  return doc.candlesticks
    .map((c: any) => [new Date((c.end_period_ts - 86400) * 1000).toLocaleDateString('en-CA', { timeZone: 'America/New_York' }), c.price.close ?? c.price.previous])
    .filter(([, cents]: [string, number | null]) => cents !== null)
    .map(([d, cents]: [string, number]) => [d, cents / 100]);
}

async function observations(id: string, args = '') {
  const res = await api.query(`{ series(id: "${id}") { name unit frequency notes source { name url sourceId } observations${args ? `(${args})` : ''} { dates values } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series;
}

describe('kalshi connector', () => {
  it('stores settled election markets (integer-cent candles) and a live market (*_dollars) as probabilities, marked and described', async () => {
    const req = parseCli(['kalshi', 'PRES-2024-DJT', 'CONTROLH-2024-R', 'KXGDPSHAREMANU-29']);
    const summary = await runJobs(req.jobs!, api.store, { env: env() });
    expect(summary.errors).toEqual([]);

    const pres = await observations('KALSHI:PRES-2024-DJT');
    const want = expectedCloses('PRES-2024-DJT');
    expect(pres.observations.dates).toEqual(want.map(([d]) => d));
    expect(pres.observations.values).toEqual(want.map(([, v]) => v));
    expect(want[0]).toEqual(['2024-10-04', 0.5]);
    expect(want.at(-1)).toEqual(['2024-11-04', 0.57]); // election eve; the 2024-11-03 bar ends at 04:00Z, the next at 05:00Z (DST)
    expect(pres).toMatchObject({
      name: 'Will Donald Trump or another Republican win the Presidency? [settled: YES]',
      unit: 'Probability (0-1): daily closing YES price',
      frequency: 'DAILY',
      source: { name: 'Kalshi', url: 'https://kalshi.com/markets/pres', sourceId: 'PRES-2024-DJT' },
    });
    expect(pres.notes).toContain('Rules: If Donald Trump or another representative of the Republican party is inaugurated');
    expect(pres.notes).toContain('Settlement: Settled YES (YES paid 1.00) on 2025-01-20; no further prices.');

    // a day without trades carries the last trade before it (price.previous)
    const house = await observations('KALSHI:CONTROLH-2024-R', 'from: "2024-10-02", to: "2024-10-03"');
    expect(house.observations).toEqual({ dates: ['2024-10-02', '2024-10-03'], values: [0.37, 0.37] });
    expect(expectedCloses('CONTROLH-2024-R').filter(([d]) => d === '2024-10-02' || d === '2024-10-03')).toEqual([
      ['2024-10-02', 0.37],
      ['2024-10-03', 0.37],
    ]);

    const gdp = await observations('KALSHI:KXGDPSHAREMANU-29');
    expect(gdp.observations).toEqual({ dates: ['2026-04-13'], values: [0.56] });
    expect(gdp.name).toBe('Will Trump bring back manufacturing?: Before 2029');
    expect(gdp.notes).toContain('Settlement: Open (status active); trading closes 2029-06-30T03:59:00Z.');
    // an open market is due a price every day (so it can go stale); a settled one never is
    const due = await api.query('{ a: series(id: "KALSHI:KXGDPSHAREMANU-29") { freshness { expectedBy } } b: series(id: "KALSHI:PRES-2024-DJT") { freshness { expectedBy stale } } }');
    expect(due.data.a.freshness.expectedBy).not.toBeNull();
    expect(due.data.b.freshness).toEqual({ expectedBy: null, stale: false });

    // the settled markets were read from the historical tier after a 404 from the live one; the live one from its series
    const openTs = Date.parse('2025-06-05T18:00:00Z') / 1000;
    expect(kalshi.requests).toEqual(
      expect.arrayContaining([
        '/markets/PRES-2024-DJT',
        '/historical/markets/PRES-2024-DJT',
        `/historical/markets/PRES-2024-DJT/candlesticks?start_ts=${Date.parse('2024-10-04T12:15:00Z') / 1000}&end_ts=${Math.floor(Date.parse('2025-01-20T18:04:06Z') / 1000) + 86400}&period_interval=1440`,
        expect.stringMatching(new RegExp(`^/series/KXGDPSHAREMANU/markets/KXGDPSHAREMANU-29/candlesticks\\?start_ts=${openTs}&end_ts=\\d+&period_interval=1440$`)),
      ]),
    );
  });

  it('is point in time: a close is known on its own day, not before', async () => {
    await runJobs(parseCli(['kalshi', 'PRES-2024-DJT']).jobs!, api.store, { env: env() });
    const asOf = await observations('KALSHI:PRES-2024-DJT', 'asOf: "2024-10-10"');
    expect(asOf.observations.dates.at(-1)).toBe('2024-10-10');
    const early = await api.query('{ series(id: "KALSHI:PRES-2024-DJT") { observations(asOf: "2024-10-03") { values } } }');
    expect(early.errors?.[0].extensions?.code).toBe('NO_DATA');
    const found = await api.query('{ searchSeries(text: "kalshi presidency") { nodes { id } } }');
    expect(found.data.searchSeries.nodes.map((n: { id: string }) => n.id)).toContain('KALSHI:PRES-2024-DJT');
  });

  it.each([
    [
      'a cents price that is not a whole number of cents',
      '/historical/markets/CONTROLH-2024-R/candlesticks',
      (b: any) => {
        b.candlesticks[0].price.close = '37';
        return b;
      },
      'row 1: "close" is "37", not a price in whole cents from 0 to 100',
    ],
    [
      'a dollar price above 1',
      '/series/',
      (b: any) => {
        b.candlesticks[0].price.close_dollars = '1.5600';
        return b;
      },
      'row 1: "close_dollars" is "1.5600", not a dollar price string',
    ],
    [
      'candles out of order',
      '/historical/markets/CONTROLH-2024-R/candlesticks',
      (b: any) => {
        b.candlesticks.reverse();
        return b;
      },
      'daily candles must be one per day, oldest first',
    ],
    ['no candlesticks field', '/historical/markets/CONTROLH-2024-R/candlesticks', () => ({ ticker: 'CONTROLH-2024-R' }), 'field "candlesticks" is missing or not an array'],
    [
      'another market than asked for',
      '/historical/markets/CONTROLH-2024-R',
      (b: any) => (b.market ? { market: { ...b.market, ticker: 'CONTROLH-2024-D' } } : b),
      'the response describes market CONTROLH-2024-D, not CONTROLH-2024-R',
    ],
    [
      'a market without rules',
      '/markets/KXGDPSHAREMANU-29',
      (b: any) => {
        delete b.market.rules_primary;
        return b;
      },
      'field "rules_primary" is missing',
    ],
    ['a body that is not JSON', '/markets/KXGDPSHAREMANU-29', () => '<html>maintenance</html>', 'malformed JSON'],
  ])('refuses %s with a coded error naming the market', async (_what, path, edit, says) => {
    kalshi.edit(path, edit);
    const ticker = path.includes('KXGDP') || path === '/series/' ? 'KXGDPSHAREMANU-29' : 'CONTROLH-2024-R';
    const job = { kind: 'kalshi' as const, markets: [ticker] };
    const err = await fetchJob(job, env()).then(
      () => undefined,
      (e) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect((err as IngestError).code).toBe('BAD_INPUT');
    expect(err.message).toContain(`KALSHI:${ticker}`);
    expect(err.message).toContain(says);
  });

  it('a failed market writes nothing and is reported by name; the other markets of the job are still stored', async () => {
    kalshi.edit('/historical/markets/CONTROLH-2024-R/candlesticks', (b: any) => {
      b.candlesticks[3].price.previous = 101;
      return b;
    });
    // the good market's answer changes too: its catalog entry shows that it was written
    kalshi.edit('/markets/KXGDPSHAREMANU-29', (b: any) => ({ market: { ...b.market, title: 'A changed title' } }));
    const before = await api.store.getMeta('KALSHI:CONTROLH-2024-R');
    const summary = await runJobs([{ kind: 'kalshi', markets: ['KXGDPSHAREMANU-29', 'CONTROLH-2024-R'] }], api.store, { env: env() });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatchObject({ series: 'KALSHI:CONTROLH-2024-R' });
    expect(summary.errors[0].message).toContain('row 4: "previous" is 101, not a price in whole cents from 0 to 100');
    expect(await api.store.getMeta('KALSHI:CONTROLH-2024-R')).toEqual(before);
    expect((await api.store.getMeta('KALSHI:KXGDPSHAREMANU-29'))?.name).toBe('A changed title: Before 2029');

    const missing = await fetchJob({ kind: 'kalshi', markets: ['KXFEDDECISION-99JAN-H0'] }, env()).then(
      () => undefined,
      (e) => e,
    );
    expect(missing).toMatchObject({ code: 'REFUSED' });
    expect(missing.message).toContain('no market KXFEDDECISION-99JAN-H0 (HTTP 404 from /markets and /historical/markets)');
    expect(() => parseCli(['kalshi', 'pres-2024-djt'])).toThrow('kalshi: "pres-2024-djt" is not a Kalshi market ticker');
  });
});
