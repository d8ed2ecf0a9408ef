// Nowcasts as vintaged series. GDPNow comes from FRED/ALFRED like any vintaged FRED series: the
// recorded ALFRED response (test/ingest/recorded/fred/observations/GDPNOW.vintages.json, written by
// build_recorded.py from data/real/gdpnow_2024q2_vintages.csv) holds five updates of the 2024Q2 nowcast,
// each from its announcement (sources in data/real/SOURCES.md). The expected values are those rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFredSeries } from '../../api/ingest/connectors/fred-client.js';
import { ingest } from '../../api/ingest/pipeline.js';
import { inForce } from '../../api/series/revisions.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';
import { readFileSync } from 'node:fs';
import { startApi } from '../helpers/local-api.js';

let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
let api: Awaited<ReturnType<typeof startApi>>;

beforeAll(async () => {
  [server, local, api] = await Promise.all([startRecordedServer(), startLocalStore(), startApi()]);
});
afterAll(async () => {
  await Promise.all([server.close(), local.close(), api.close()]);
});

// [realtime_start, value] of every recorded update, read from the bundled file the fixture is built from
const updates = readFileSync('data/real/gdpnow_2024q2_vintages.csv', 'utf8').trim().split('\n').slice(1)
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
