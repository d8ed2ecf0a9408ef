// Nowcasts as vintaged series. GDPNow comes from FRED/ALFRED like any vintaged FRED series: the
// recorded ALFRED response (test/ingest/recorded/fred/observations/GDPNOW.vintages.json, written by
// build_recorded.py from data/real/gdpnow_2024q2_vintages.csv) holds five updates of the 2024Q2 nowcast,
// each from its announcement (sources in data/real/SOURCES.md). The expected values are those rows.
// The Cleveland Fed's nowcasts come from its chart files (test/ingest/recorded/clevelandfed/nowcast_year.json,
// written by build_clevelandfed.py: real daily y/y nowcasts of June 2022 from a public project's flattening of
// the charts, in the FusionCharts layout public parsers of the file document; see recorded/README.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFredSeries } from '../../api/ingest/connectors/fred-client.js';
import { ingest } from '../../api/ingest/pipeline.js';
import { inForce } from '../../api/series/revisions.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IngestError } from '../../api/ingest/errors.js';
import { fetchJob } from '../../api/ingest/jobs.js';
import { parseCli } from '../../api/ingest/cli-args.js';
import { runJobs } from '../../api/ingest/run.js';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
let api: Awaited<ReturnType<typeof startApi>>;
let cleveland: Server;
let clevelandUrl: string;
const clevelandRequests: { url: string; userAgent?: string }[] = [];
/** What the next answer is instead of the recorded file (malformed responses). */
let clevelandOverride: string | undefined;

beforeAll(async () => {
  // the Cleveland Fed's chart files from the recordings, on loopback; anything else is its 404
  cleveland = createServer(async (req, res) => {
    clevelandRequests.push({ url: req.url ?? '', userAgent: req.headers['user-agent'] });
    const name = new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1);
    const body = clevelandOverride ?? (name === 'nowcast_year.json' ? await readFile(new URL('./recorded/clevelandfed/nowcast_year.json', import.meta.url), 'utf8') : undefined);
    if (body === undefined) res.writeHead(404).end('Not Found');
    else res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => cleveland.listen(0, '127.0.0.1', resolve));
  clevelandUrl = `http://127.0.0.1:${(cleveland.address() as AddressInfo).port}`;
  [server, local, api] = await Promise.all([startRecordedServer(), startLocalStore(), startApi()]);
});
afterAll(async () => {
  await Promise.all([server.close(), local.close(), api.close(), new Promise((resolve) => cleveland.close(resolve))]);
});
const clevelandEnv = () => ({ CLEVELAND_FED_NOWCAST_URL: clevelandUrl, INGEST_HTTP_RETRIES: '0' });

// [realtime_start, value] of every recorded update, read from the bundled file the fixture is built from
const updates = readFileSync('data/real/gdpnow_2024q2_vintages.csv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map(([, value, start]) => [start, Number(value)] as const);

describe('GDPNow from ALFRED', () => {
  it('every update of the nowcast is a vintage: asOf gives the nowcast as it stood that day', async () => {
    const batch = await fetchFredSeries('GDPNOW', true, { baseUrl: `${server.url}/fred`, apiKey: 'k', http: { retries: 0 } });
    expect(batch.meta).toMatchObject({ id: 'GDPNOW', name: 'GDPNow', frequency: 'QUARTERLY', unit: 'Percent Change at Annual Rate, SAAR' });
    expect(batch.publication).toBe('stamped');
    expect(batch.revisions).toEqual(updates.map(([realtimeStart, value]) => ({ date: '2024-04-01', value, realtimeStart })));
    await ingest(local.store, 'fred', [batch]);
    const stored = await local.store.readRevisions('GDPNOW');
    expect(inForce(stored, '2024-06-06')[0].value).toBe(2.6);
    expect(inForce(stored, '2024-07-15')[0].value).toBe(3.1);
    expect(inForce(stored, '2024-07-24')[0].value).toBe(2.6132);
    expect(await local.store.readVintages('GDPNOW')).toEqual(updates.map(([d]) => d));
  });

  it('the bundled GDPNOW answers through GraphQL, and is an expectation SURPRISE can compare with', async () => {
    const q = (asOf: string) => api.query(`{ series(id: "GDPNOW") { observations(from: "2024-04-01", to: "2024-04-01", asOf: "${asOf}") { values } } }`);
    expect((await q('2024-06-10')).data.series.observations.values).toEqual([3.1]);
    expect((await q('2024-07-16')).data.series.observations.values).toEqual([2.5]);
    expect((await q('2024-07-05')).data).toMatchObject({ series: { observations: { values: [3.1] } } });
    const early = await q('2024-06-05');
    expect(early.errors?.[0].extensions?.code).toBe('NO_DATA');
    // BEA's advance estimate 2.8 (data/real/gdp_2024q1q2_release_vintages_bea.csv) against the final nowcast
    const s = await api.query('{ indicator(name: SURPRISE, inputs: ["A191RL1Q225SBEA", "GDPNOW"], from: "2024-04-01", to: "2024-04-01", asOf: "2024-07-26") { values } }');
    expect(s.errors).toBeUndefined();
    expect(s.data.indicator.values[0]).toBeCloseTo(2.8 - 2.6132, 10);
    const found = await api.query('{ searchSeries(text: "nowcast") { nodes { id } } }');
    expect(found.data.searchSeries.nodes.map((n: { id: string }) => n.id)).toContain('GDPNOW');
  });
});

describe('Cleveland Fed inflation nowcast', () => {
  it('stores each day the nowcast changed as a vintage of its target month, and SURPRISE measures the print against it', async () => {
    const summary = await runJobs(parseCli(['clevelandfed', 'year']).jobs!, api.store, { env: clevelandEnv() });
    expect(summary.errors).toEqual([]);
    expect(summary.outcomes.map((o) => o.id)).toEqual(['CLEVFED_NOWCAST_CPI_YOY', 'CLEVFED_NOWCAST_CORE_CPI_YOY', 'CLEVFED_NOWCAST_PCE_YOY', 'CLEVFED_NOWCAST_CORE_PCE_YOY']);
    expect(clevelandRequests.at(-1)).toMatchObject({ url: '/nowcast_year.json?sc_lang=en', userAgent: expect.stringContaining('Mozilla/5.0') });

    const q = (id: string, asOf: string) => api.query(`{ series(id: "${id}") { unit observations(asOf: "${asOf}") { dates values } } }`);
    // the June 2022 CPI y/y nowcast on a few days (values of the source file, digits unchanged)
    expect((await q('CLEVFED_NOWCAST_CPI_YOY', '2022-06-13')).data.series.observations).toEqual({ dates: ['2022-06-01'], values: [8.61720498093088] });
    expect((await q('CLEVFED_NOWCAST_CPI_YOY', '2022-06-29')).data.series.observations.values).toEqual([8.67384394294073]);
    expect((await q('CLEVFED_NOWCAST_CPI_YOY', '2022-07-12')).data.series.observations.values).toEqual([8.54883199399654]);
    expect((await q('CLEVFED_NOWCAST_CORE_PCE_YOY', '2022-07-12')).data.series.observations.values).toEqual([4.63832722212127]);
    expect((await q('CLEVFED_NOWCAST_CPI_YOY', '2022-06-09')).errors?.[0].extensions?.code).toBe('NO_DATA');
    // 21 days, 7 distinct successive values: a repeated value adds no vintage
    expect(await api.store.readVintages('CLEVFED_NOWCAST_CPI_YOY')).toEqual(['2022-06-10', '2022-06-14', '2022-06-30', '2022-07-01', '2022-07-05', '2022-07-06', '2022-07-12']);

    // June 2022 CPI (NSA) 12-month change, printed 2022-07-13, against the nowcast of the day before
    const cpi = new Map(sourceColumn('cpiaucns_monthly_fred.csv', 'CPIAUCNS'));
    const yoy = (cpi.get('2022-06-01')! / cpi.get('2021-06-01')! - 1) * 100;
    const s = await api.query('{ indicator(name: SURPRISE, inputs: ["CPIAUCNS", "CLEVFED_NOWCAST_CPI_YOY"], from: "2022-06-01", to: "2022-06-01", asOf: "2022-07-13") { values unit } }');
    expect(s.errors).toBeUndefined();
    expect(s.data.indicator.values[0]).toBeCloseTo(yoy - 8.54883199399654, 10);
    expect(s.data.indicator.unit).toBe('percentage points');
  });

  it.each([
    ['not a list', '{"chart": {}}', 'the response is not a JSON list of charts'],
    [
      'a target month it cannot read',
      JSON.stringify([{ chart: { subcaption: 'June 2022' }, categories: [{ category: [] }], dataset: [] }]),
      'row 1: chart 1: "subcaption" is "June 2022", not a target month written YYYY-M',
    ],
    [
      'a date label it cannot read',
      JSON.stringify([{ chart: { subcaption: '2022-6' }, categories: [{ category: [{ label: '2022-06-10' }] }], dataset: [] }]),
      'date label 1 is "2022-06-10", not MM/DD',
    ],
    [
      'a value that is not a number',
      JSON.stringify([{ chart: { subcaption: '2022-6' }, categories: [{ category: [{ label: '06/10' }] }], dataset: [{ seriesname: 'CPI Inflation', data: [{ value: '8,6' }] }] }]),
      'CLEVFED_NOWCAST_CPI_YOY, row 1: chart 1 (2022-06), 2022-06-10: value "8,6" is not a number',
    ],
    [
      'more points than dates',
      JSON.stringify([{ chart: { subcaption: '2022-6' }, categories: [{ category: [{ label: '06/10' }] }], dataset: [{ seriesname: 'PCE Inflation', data: [{ value: '6.5' }, { value: '6.6' }] }] }]),
      'dataset "PCE Inflation" has 2 points for 1 dates',
    ],
  ])('refuses %s with a coded error, writing nothing', async (_what, body, says) => {
    clevelandOverride = body;
    try {
      const err = await fetchJob({ kind: 'clevelandfed', horizons: ['year'] }, clevelandEnv()).then(
        () => undefined,
        (e) => e,
      );
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).code).toBe('BAD_INPUT');
      expect(err.message).toContain('Cleveland Fed nowcast_year.json');
      expect(err.message).toContain(says);
    } finally {
      clevelandOverride = undefined;
    }
  });

  it('reads both files by default and names a horizon it does not know', async () => {
    expect(parseCli(['clevelandfed']).jobs).toEqual([{ kind: 'clevelandfed' }]);
    expect(() => parseCli(['clevelandfed', 'quarter'])).toThrow('clevelandfed: "quarter" is not a horizon');
    // the month file is not recorded here: the server's 404 is named, with the file
    const err = await fetchJob({ kind: 'clevelandfed', horizons: ['month'] }, clevelandEnv()).then(
      () => undefined,
      (e) => e,
    );
    expect(err.message).toContain('HTTP 404');
    expect(err.message).toContain('nowcast_month.json');
  });
});
