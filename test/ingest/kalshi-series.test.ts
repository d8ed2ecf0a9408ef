// Kalshi series jobs: `{ kind: 'kalshi', series: ['KXFEDDECISION'] }` (or `npm run ingest -- kalshi
// --series KXFEDDECISION`) finds the series' open and recently closed markets on each run and stores
// each as KALSHI:<TICKER>. Served from a loopback server replaying test/ingest/recorded/kalshi (README
// "Kalshi" says where each file comes from): the GET /events listing of KXFEDDECISION and the
// GET /historical/markets listing of its July 2026 event are real responses recorded by the project
// bmbtran/beat-the-market (tests/fixtures/kalshi/events_fed_settled.json and
// historical_markets_fed_jul26.json @ 25587f07c0fed077ebf0f63e76553b77fbaa1e63); of the candlesticks,
// those of KXFEDDECISION-26SEP-C26 and -26JUL-H26 are real (live_candles.json, historical_candles.json,
// last bar), the others are one decision-day bar built from the listing's real last price.
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { parseConfig } from '../../api/ingest/config.js';
import { IngestError } from '../../api/ingest/errors.js';
import { fetchJob, type Job } from '../../api/ingest/jobs.js';
import { formatSummary, runJobs } from '../../api/ingest/run.js';
import { startKalshiServer, type KalshiServer } from '../../support/ingest/kalshi-server.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
let kalshi: KalshiServer;
const env = () => ({ KALSHI_API_URL: kalshi.url, INGEST_HTTP_RETRIES: '0' });
/** Six days after the September 2026 decision, about when the listing was captured. */
const NOW = new Date('2026-09-22T12:00:00Z');
const FED = { kind: 'kalshi' as const, series: ['KXFEDDECISION'] };

beforeAll(async () => {
  [api, kalshi] = await Promise.all([startApi(), startKalshiServer()]);
});
afterAll(async () => {
  await Promise.all([api.close(), kalshi.close()]);
});
afterEach(() => {
  kalshi.reset();
  kalshi.requests.length = 0;
});

const recorded = (path: string) => JSON.parse(readFileSync(new URL(`./recorded/kalshi/${path}`, import.meta.url), 'utf8'));

/**
 * The expected close of a one-bar file, worked out from the JSON here and not with the connector's
 * code: the New York date of the bar's last second, and its close or else its previous trade, in
 * whichever field name the tier uses.
 */
function expectedClose(path: string): [string, number] {
  const bar = recorded(path).candlesticks.at(-1);
  const p = bar.price;
  const value = Number(p.close_dollars ?? p.previous_dollars ?? p.close ?? p.previous);
  return [new Date((bar.end_period_ts - 1) * 1000).toLocaleDateString('en-CA', { timeZone: 'America/New_York' }), value];
}

async function observations(id: string) {
  const res = await api.query(`{ series(id: "${id}") { name notes observations { dates values } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series;
}

async function failures(job: Job, now = NOW) {
  const seen: { series: string; error: Error }[] = [];
  const batches = await fetchJob(job, env(), { now, onSeriesFailed: (series, error) => void seen.push({ series, error }) });
  return { batches, seen };
}

describe('kalshi series jobs', () => {
  it('finds every market of the series open or closed in the window, across pages and tiers, and stores each', async () => {
    kalshi.pageSize = 1; // the three events come one per page, as Kalshi pages a long listing
    const summary = await runJobs([{ ...FED, settledWithinDays: 60 }], api.store, { env: env(), now: () => NOW });
    expect(summary.errors).toEqual([]);
    expect(summary.outcomes.map((o) => o.id)).toEqual([
      'KALSHI:KXFEDDECISION-26JUL-H0',
      'KALSHI:KXFEDDECISION-26JUL-H25',
      'KALSHI:KXFEDDECISION-26JUL-H26',
      'KALSHI:KXFEDDECISION-26SEP-C25',
      'KALSHI:KXFEDDECISION-26SEP-C26',
      'KALSHI:KXFEDDECISION-26SEP-H0',
    ]);

    const since = Math.floor(NOW.getTime() / 1000) - 60 * 86400;
    const list = `/events?series_ticker=KXFEDDECISION&with_nested_markets=true&min_close_ts=${since}&limit=200`;
    expect(kalshi.requests.filter((r) => r.startsWith('/events'))).toEqual([list, `${list}&cursor=1`, `${list}&cursor=2`]);
    // July's markets had moved to the historical tier (listed without markets); June closed before the window
    expect(kalshi.requests).toContain('/historical/markets?event_ticker=KXFEDDECISION-26JUL&limit=1000');
    expect(kalshi.requests.some((r) => r.includes('26JUN'))).toBe(false);
    expect(kalshi.requests).toContainEqual(expect.stringMatching(/^\/series\/KXFEDDECISION\/markets\/KXFEDDECISION-26SEP-C26\/candlesticks\?start_ts=1759154400&/));
    expect(kalshi.requests).toContainEqual(expect.stringMatching(/^\/historical\/markets\/KXFEDDECISION-26JUL-H26\/candlesticks\?/));

    const files: [string, string][] = [
      ['KXFEDDECISION-26SEP-C26', 'series/KXFEDDECISION/markets/KXFEDDECISION-26SEP-C26/candlesticks.json'],
      ['KXFEDDECISION-26SEP-H0', 'series/KXFEDDECISION/markets/KXFEDDECISION-26SEP-H0/candlesticks.json'],
      ['KXFEDDECISION-26JUL-H26', 'historical/candlesticks/KXFEDDECISION-26JUL-H26.json'],
      ['KXFEDDECISION-26JUL-H0', 'historical/candlesticks/KXFEDDECISION-26JUL-H0.json'],
    ];
    for (const [ticker, file] of files) {
      const [date, value] = expectedClose(file);
      expect((await observations(`KALSHI:${ticker}`)).observations, ticker).toEqual({ dates: [date], values: [value] });
    }
    // the values those files hold, read by eye: C26 had no trade that hour (previous 0.01, 2026-09-06);
    // the July H26 bar is the historical tier's plain "close": "0.0100"; H0 closed at 0.12 on decision day
    expect(files.map(([, f]) => expectedClose(f))).toEqual([
      ['2026-09-06', 0.01],
      ['2026-09-16', 0.12],
      ['2026-07-19', 0.01],
      ['2026-07-29', 0.82],
    ]);
    const hold = await observations('KALSHI:KXFEDDECISION-26SEP-H0');
    expect(hold.name).toBe('Will the Federal Reserve Hike rates by 0bps at their September 2026 meeting?: Fed maintains rate [settled: NO]');
    expect(hold.notes).toContain('Settlement: Settled NO (YES paid 0.00) on 2026-09-16; no further prices.');
    expect((await observations('KALSHI:KXFEDDECISION-26JUL-H0')).notes).toContain('Settled YES (YES paid 1.00) on 2026-07-29');
    // a settled market expects no further price: it is never listed stale, however many meetings pass
    const fresh = await api.query('{ series(id: "KALSHI:KXFEDDECISION-26SEP-H0") { freshness { lastObservation expectedBy stale } } }');
    expect(fresh.data.series.freshness).toEqual({ lastObservation: '2026-09-16', expectedBy: null, stale: false });
  });

  it('reads no further back than settledWithinDays (45 by default), so each run stays small as years pass', async () => {
    const { batches, seen } = await failures(FED);
    expect(seen).toEqual([]);
    expect(batches.map((b) => b.meta.id)).toEqual(['KALSHI:KXFEDDECISION-26SEP-C25', 'KALSHI:KXFEDDECISION-26SEP-C26', 'KALSHI:KXFEDDECISION-26SEP-H0']);
    expect(kalshi.requests.some((r) => r.startsWith('/historical/'))).toBe(false);
  });

  it('caps the markets of a run: the soonest-closing are read, the rest named in a CAPPED error', async () => {
    const { batches, seen } = await failures({ ...FED, settledWithinDays: 60, maxMarkets: 2 });
    expect(batches.map((b) => b.meta.id)).toEqual(['KALSHI:KXFEDDECISION-26JUL-H0', 'KALSHI:KXFEDDECISION-26JUL-H25']);
    expect(seen).toHaveLength(1);
    expect(seen[0].series).toBe('KALSHI:KXFEDDECISION');
    expect(seen[0].error).toMatchObject({ code: 'CAPPED' });
    expect(seen[0].error.message).toContain(
      '6 markets open or closed since 2026-07-24, more than the cap of 2: read the 2 closing soonest (through 2026-07-29), left out 4: KXFEDDECISION-26JUL-H26, KXFEDDECISION-26SEP-C25',
    );
  });

  it('one market that fails is reported by name; the others are stored, and the summary shows it', async () => {
    kalshi.edit('/series/KXFEDDECISION/markets/KXFEDDECISION-26SEP-H0/candlesticks', (b: any) => {
      b.candlesticks[0].price.close_dollars = '1.2000';
      return b;
    });
    const summary = await runJobs([{ kind: 'kalshi', series: ['KXNOSUCH', 'KXFEDDECISION'] }], api.store, { env: env(), now: () => NOW });
    expect(summary.errors.map((e) => e.series)).toEqual(['KALSHI:KXNOSUCH', 'KALSHI:KXFEDDECISION-26SEP-H0']);
    expect(summary.errors[0].message).toContain('no Kalshi series KXNOSUCH (HTTP 404 from /series/KXNOSUCH)');
    expect(summary.errors[1].message).toContain('KALSHI:KXFEDDECISION-26SEP-H0, row 1: "close_dollars" is "1.2000", not a dollar price string');
    expect(summary.outcomes.map((o) => o.id)).toEqual(['KALSHI:KXFEDDECISION-26SEP-C25', 'KALSHI:KXFEDDECISION-26SEP-C26']);
    const text = formatSummary(summary, 1);
    expect(text).toContain('errors:         2');
    expect(text).toContain('  - kalshi series KXNOSUCH,KXFEDDECISION: Kalshi /candlesticks, KALSHI:KXFEDDECISION-26SEP-H0, row 1:');
  });

  it.each([
    ['an unknown series', null, 'KXNOSUCH', NOW, 'REFUSED', 'no Kalshi series KXNOSUCH (HTTP 404 from /series/KXNOSUCH); a series ticker looks like KXFEDDECISION'],
    ['a series with no event in the window', () => ({ cursor: '', events: [] }), 'KXFEDDECISION', NOW, 'EMPTY', 'series KXFEDDECISION lists no event open or closed since 2026-08-08'],
    [
      'events whose markets all closed before the window',
      null,
      'KXFEDDECISION',
      new Date('2027-06-01T00:00:00Z'),
      'EMPTY',
      'series KXFEDDECISION lists 3 event(s) but no market open or closed since 2027-04-17',
    ],
    ['a listing without "events"', () => ({ cursor: '' }), 'KXFEDDECISION', NOW, 'BAD_INPUT', 'field "events" is missing or not an array'],
    [
      'an event of another series',
      (b: any) => ({ ...b, events: [{ ...b.events[0], series_ticker: 'KXCPIYOY' }] }),
      'KXFEDDECISION',
      NOW,
      'BAD_INPUT',
      'row 1: event KXFEDDECISION-26SEP is of series KXCPIYOY, not KXFEDDECISION',
    ],
    ['a cursor that comes back', (b: any) => ({ ...b, cursor: 'again' }), 'KXFEDDECISION', NOW, 'BAD_INPUT', 'page 2 gives back cursor "again", already followed; the listing would never end'],
    [
      'a nested market without rules',
      (b: any) => {
        delete b.events[0].markets[1].rules_primary;
        return b;
      },
      'KXFEDDECISION',
      NOW,
      'BAD_INPUT',
      'KALSHI:KXFEDDECISION-26SEP-C25: field "rules_primary" is missing',
    ],
  ])('refuses %s with a coded error naming the series, writing nothing', async (_what, edit, series, now, code, says) => {
    if (edit) kalshi.edit('/events', edit);
    const err = await fetchJob({ kind: 'kalshi', series: [series] }, env(), { now }).then(
      () => undefined,
      (e) => e,
    );
    expect(err).toBeInstanceOf(IngestError);
    expect(err.code).toBe(code);
    expect(err.message).toContain(says);
  });

  it('is the scheduled job (Fed decisions and CPI), on the command line too, and its config is checked', () => {
    const jobs = parseConfig(JSON.parse(readFileSync('ingest.config.json', 'utf8')));
    expect(jobs).toContainEqual({ kind: 'kalshi', series: ['KXFEDDECISION', 'KXCPIYOY'] });
    expect(parseCli(['kalshi', '--series', 'KXFEDDECISION', 'KXCPIYOY']).jobs).toEqual([{ kind: 'kalshi', series: ['KXFEDDECISION', 'KXCPIYOY'] }]);
    expect(() => parseCli(['kalshi', '--series', 'KXFEDDECISION-26SEP'])).toThrow('kalshi --series: "KXFEDDECISION-26SEP" is not a Kalshi series ticker');
    expect(() => parseConfig({ jobs: [{ kind: 'kalshi', series: ['KXFEDDECISION'], markets: ['KXFEDDECISION-26SEP-H0'] }] })).toThrow(
      'jobs[0] (kalshi): "markets" must be absent when "series" is given',
    );
    expect(() => parseConfig({ jobs: [{ kind: 'kalshi', series: ['KXFEDDECISION'], settledWithinDays: 0 }] })).toThrow('"settledWithinDays" must be a whole number of days from 1 to 366');
    expect(() => parseConfig({ jobs: [{ kind: 'kalshi', series: ['KXFEDDECISION'], maxMarkets: 2.5 }] })).toThrow('"maxMarkets" must be a whole number from 1 to 1000');
    expect(() => parseConfig({ jobs: [{ kind: 'kalshi' }] })).toThrow('"series" must be a non-empty list of Kalshi series tickers');
  });
});
