import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAlphaVantageSeries } from '../../api/ingest/connectors/alphavantage-client.js';
import { fetchCftcSeries } from '../../api/ingest/connectors/cftc-client.js';
import { readPollSeries } from '../../api/ingest/connectors/polls-client.js';
import { fetchStooqSeries } from '../../api/ingest/connectors/stooq-client.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';

let server: RecordedServer;
const http = { retries: 1, baseDelayMs: 10, timeoutMs: 2000 };
beforeAll(async () => {
  server = await startRecordedServer();
});
afterAll(() => server.close());

describe('CFTC TFF connector (Socrata)', () => {
  it('pages with $limit/$offset and maps fields to CFTC_{code}_{F|C}_{FIELD}, public on the Friday', async () => {
    const batches = await fetchCftcSeries('239742', ['F', 'C'], { baseUrl: `${server.url}/cftc`, pageSize: 7, http });
    expect(batches).toHaveLength(30);
    expect(server.requests.filter((r) => r.includes('gpe5-46if'))).toHaveLength(5); // 30 rows in pages of 7
    const am = batches.find((b) => b.meta.id === 'CFTC_239742_F_ASSET_MGR_LONG')!;
    expect(am.revisions).toHaveLength(30);
    // futures-only row of 2024-01-02 in cftc_tff_russell_emini_2024_futures_only.csv
    expect(am.revisions[0]).toEqual({ date: '2024-01-02', value: 244382, realtimeStart: '2024-01-05' });
    const oiCombined = batches.find((b) => b.meta.id === 'CFTC_239742_C_OPEN_INTEREST')!;
    expect(oiCombined.revisions[0].value).toBe(537913);
    expect(oiCombined.meta.frequency).toBe('WEEKLY');
  });

  it('refuses a malformed contract code before any request', async () => {
    await expect(fetchCftcSeries('2397', ['F'], { baseUrl: `${server.url}/cftc` })).rejects.toThrow('CFTC contract code "2397" must be the 6-character');
  });
});

describe('daily market prices', () => {
  it('Stooq daily CSV → RUT closes, each public on its own day', async () => {
    const rut = await fetchStooqSeries('RUT', { baseUrl: `${server.url}/stooq/`, http });
    expect(rut.revisions).toHaveLength(753);
    expect(rut.revisions.find((r) => r.date === '2024-07-16')).toEqual({ date: '2024-07-16', value: 2263.669921875, realtimeStart: '2024-07-16' });
    expect(server.requests.some((r) => r === '/stooq/?s=%5Erut&i=d')).toBe(true);
  });

  it('Stooq answering "No data" for an unknown ticker is an error naming the ticker', async () => {
    await expect(fetchStooqSeries('XYZ', { baseUrl: `${server.url}/stooq/`, symbol: 'xyz.us', http })).rejects.toThrow('Stooq xyz.us, XYZ: Stooq has no data for ticker "xyz.us"');
  });

  it('Alpha Vantage TIME_SERIES_DAILY → IWM closes sorted oldest first', async () => {
    const iwm = await fetchAlphaVantageSeries('IWM', { baseUrl: `${server.url}/alphavantage`, apiKey: 'premium-key', outputSize: 'full', http });
    expect(iwm.revisions[0]).toEqual({ date: '2022-01-03', value: 215.2231, realtimeStart: '2022-01-03' }); // 4 decimals, as Alpha Vantage writes them
    expect(iwm.revisions.at(-1)?.date).toBe('2024-12-31');
  });

  it('an Alpha Vantage rate-limit note (HTTP 200) is an error, not an empty series', async () => {
    server.fault('/alphavantage', { body: JSON.stringify({ Information: 'We have detected your API key as ... 25 requests per day.' }) });
    await expect(fetchAlphaVantageSeries('QQQ', { baseUrl: `${server.url}/alphavantage`, apiKey: 'k', http })).rejects.toThrow('Alpha Vantage QQQ, QQQ: Alpha Vantage rate limit reached');
  });
});

describe('538 polls → daily polling averages', () => {
  it('matches the pandas reference (test/ingest/reference/polls_average.py) on sample days', async () => {
    const reference = JSON.parse(readFileSync(new URL('./reference/polls_average.json', import.meta.url), 'utf8'));
    const batches = await readPollSeries('data/real/polls_538_national_president_2024_to_0730.csv', ['Trump', 'Harris']);
    for (const [answer, batch] of [
      ['Trump', batches[0]],
      ['Harris', batches[1]],
    ] as const) {
      expect(batch.revisions).toHaveLength(reference[`${answer}_days`]);
      for (const [day, value] of Object.entries(reference[answer])) {
        expect(
          batch.revisions.find((r) => r.date === day),
          `${answer} ${day}`,
        ).toEqual({ date: day, value, realtimeStart: expect.any(String) });
      }
    }
    expect(batches[0].meta.id).toBe('POLLS_US_PRES_2024_TRUMP');
    expect(batches[0].revisions.find((r) => r.date === '2024-07-21')?.realtimeStart).toBe('2024-07-22');
  });
});
