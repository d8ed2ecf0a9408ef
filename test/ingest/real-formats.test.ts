import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchAlphaVantageSeries } from '../../api/ingest/connectors/alphavantage-client.js';
import { fetchCftcSeries } from '../../api/ingest/connectors/cftc-client.js';
import { fetchFredSeries } from '../../api/ingest/connectors/fred-client.js';
import { readPollSeries } from '../../api/ingest/connectors/polls-client.js';
import { fetchStooqSeries } from '../../api/ingest/connectors/stooq-client.js';
import { IngestError } from '../../api/ingest/errors.js';
import { ingest } from '../../api/ingest/pipeline.js';
import { runJobs } from '../../api/ingest/run.js';
import { inForce } from '../../api/series/revisions.js';
import { AV_PREMIUM_REFUSAL, PREMIUM_KEY, startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

// Each source's real format (see recorded/README.md for which parts are captured and which built),
// through its connector, served over HTTP on loopback.

let server: RecordedServer;
const http = { retries: 0, baseDelayMs: 10, timeoutMs: 2000 };
const reference = JSON.parse(readFileSync(new URL('./reference/polls_average_real.json', import.meta.url), 'utf8'));
beforeAll(async () => {
  server = await startRecordedServer();
});
afterAll(() => server.close());

async function refusal(p: Promise<unknown>): Promise<IngestError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(IngestError);
  return err as IngestError;
}

describe("538 president_polls.csv in 538's own format (M/D/YY dates, state rows)", () => {
  const url = () => `${server.url}/538/president_polls_2024-05-01_to_05-20.csv`;

  it('national averages use national polls only and match the pandas reference on 2024-05-20', async () => {
    const [biden, trump] = await readPollSeries(url(), { candidates: ['Biden', 'Trump'], http });
    expect(biden.meta.id).toBe('POLLS_US_PRES_2024_BIDEN');
    const day = (b: typeof biden) => b.revisions.find((r) => r.date === '2024-05-20');
    expect(day(biden)).toEqual({ date: '2024-05-20', value: reference.Biden.national, realtimeStart: '2024-05-21' });
    expect(day(trump)).toEqual({ date: '2024-05-20', value: reference.Trump.national, realtimeStart: '2024-05-21' });
    // mixing state polls in would give other numbers: the filter is what makes these national
    expect(reference.Biden.with_state_polls).not.toBe(reference.Biden.national);
    expect(reference.Trump.with_state_polls).not.toBe(reference.Trump.national);
    expect(biden.meta.notes).toContain('National polls only');
    // M/D/YY: the file's first end_date is 5/1/24
    expect(biden.revisions[0].date).toBe('2024-05-01');
  });

  it('with the states option, each state gets its own series beside the national one', async () => {
    const batches = await readPollSeries(url(), { candidates: ['Biden', 'Trump'], states: true, http });
    const ids = batches.map((b) => b.meta.id);
    expect(ids.slice(0, 2)).toEqual(['POLLS_US_PRES_2024_BIDEN', 'POLLS_US_PRES_2024_TRUMP']);
    expect(ids).toContain('POLLS_US_PRES_2024_MICHIGAN_BIDEN');
    const mi = batches.find((b) => b.meta.id === 'POLLS_US_PRES_2024_MICHIGAN_BIDEN')!;
    expect(mi.revisions.find((r) => r.date === '2024-05-20')?.value).toBe(reference.Michigan_Biden);
    expect(mi.meta.source.name).toBe('ABC News/538 Michigan polls, averaged by Tide');
    const national = batches.find((b) => b.meta.id === 'POLLS_US_PRES_2024_BIDEN')!;
    expect(national.revisions.find((r) => r.date === '2024-05-20')?.value).toBe(reference.Biden.national);
  });

  it('a 2020 file grades pollsters with fte_grade letters; the series is named by its cycle', async () => {
    const [biden, trump] = await readPollSeries(`${server.url}/538/president_polls_2020-05-24_to_06-06.csv`, { candidates: ['Biden', 'Trump'], http });
    expect(biden.meta.id).toBe('POLLS_US_PRES_2020_BIDEN');
    expect(biden.revisions.at(-1)).toEqual({ date: reference['2020'].day, value: reference['2020'].Biden, realtimeStart: '2020-06-07' });
    expect(trump.revisions.at(-1)?.value).toBe(reference['2020'].Trump);
  });

  it('a bad date names file, candidate and row', async () => {
    const text = readFileSync(new URL('./recorded/538/president_polls_2024-05-01_to_05-20.csv', import.meta.url), 'utf8').split('\n');
    text[3] = text[3].replace(/,5\/(\d+)\/24,5\/(\d+)\/24,/, ',5/$1/24,13/45/24,');
    server.fault('/538/', { body: text.join('\n'), contentType: 'text/csv' });
    await expect(readPollSeries(url(), { http })).rejects.toThrow(/^538 polls president_polls_2024-05-01_to_05-20\.csv, \w+, row 4: end_date "13\/45\/24" is not a date/);
  });

  it('a bad value fails the job with source, candidate and row, and nothing is written', async () => {
    const text = readFileSync(new URL('./recorded/538/president_polls_2024-05-01_to_05-20.csv', import.meta.url), 'utf8').split('\n');
    text[10] = text[10].replace(/,([\d.]+)$/, ',4x.5');
    server.fault('/538/', { body: text.join('\n'), contentType: 'text/csv' });
    const local = await startLocalStore();
    const summary = await runJobs([{ kind: 'polls', file: url() }], local.store, { env: { INGEST_HTTP_RETRIES: '0' } });
    expect(summary.errors[0].message).toMatch(/^538 polls president_polls_2024-05-01_to_05-20\.csv, \w+, row 11: pct "4x\.5" is not a number$/);
    expect(await local.scan()).toEqual([]);
    await local.close();
  });
});

describe('Stooq daily CSV (CRLF line endings; every refusal is HTTP 200)', () => {
  it('reads CRLF lines and says the closes are adjusted', async () => {
    const iwm = await fetchStooqSeries('IWM', { baseUrl: `${server.url}/stooq/`, http });
    expect(readFileSync(new URL('./recorded/stooq/iwm.us.csv', import.meta.url), 'utf8').slice(0, 40)).toContain('\r\n');
    expect(iwm.revisions).toHaveLength(753);
    expect(iwm.meta.notes).toMatch(/Adjusted closes: the provider rescales past prices for splits and dividends/);
    const rut = await fetchStooqSeries('RUT', { baseUrl: `${server.url}/stooq/`, http });
    expect(rut.meta.notes).toContain('an index pays none, so its closes are as published');
  });

  it('a header with no rows is an error, not an empty success', async () => {
    server.fault('/stooq/', { body: 'Date,Open,High,Low,Close,Volume\r\n', contentType: 'text/csv' });
    const err = await refusal(fetchStooqSeries('IWM', { baseUrl: `${server.url}/stooq/`, http }));
    expect(err.message).toBe(
      'Stooq iwm.us, IWM: Stooq sent only the header "Date,Open,High,Low,Close,Volume" and no rows for ticker "iwm.us"; the ticker has no daily history there or the request was refused',
    );
  });

  it('the daily download limit is its own error', async () => {
    server.fault('/stooq/', { body: 'Exceeded the daily hits limit', contentType: 'text/plain' });
    const err = await refusal(fetchStooqSeries('IWM', { baseUrl: `${server.url}/stooq/`, http }));
    expect(err.message).toContain('daily download limit reached');
  });
});

describe('Alpha Vantage TIME_SERIES_DAILY', () => {
  const base = () => `${server.url}/alphavantage`;

  it('asks for compact by default: the newest 100 days, 4-decimal strings, unadjusted closes', async () => {
    const qqq = await fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: 'free', http });
    expect(server.requests.at(-1)).toContain('outputsize=compact');
    expect(qqq.revisions).toHaveLength(100);
    expect(qqq.revisions.at(-1)?.date).toBe('2024-12-31');
    expect(qqq.revisions.every((r) => Number.isInteger(Math.round(r.value! * 1e4)) && Math.abs(r.value! * 1e4 - Math.round(r.value! * 1e4)) < 1e-6)).toBe(true);
    expect(qqq.meta.notes).toContain('Unadjusted closes, as traded on the day');
  });

  it('outputsize=full on a free key: the premium refusal is PREMIUM_REQUIRED, with what to do', async () => {
    const err = await refusal(fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: 'free', outputSize: 'full', http }));
    expect(err.code).toBe('PREMIUM_REQUIRED');
    expect(err.message).toContain('Alpha Vantage QQQ, QQQ: the full history (outputsize=full) needs a premium Alpha Vantage key; use "outputSize": "compact"');
    expect(err.message).toContain(AV_PREMIUM_REFUSAL);
    const full = await fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: PREMIUM_KEY, outputSize: 'full', http });
    expect(full.revisions).toHaveLength(753);
  });

  it('the daily limit ("Information") and the older per-minute "Note" are RATE_LIMITED, key hidden', async () => {
    server.fault('/alphavantage', {
      body: JSON.stringify({
        Information:
          'We have detected your API key as ABCDEF123 and our standard API rate limit is 25 requests per day. Please subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly remove all daily rate limits.',
      }),
    });
    const daily = await refusal(fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: 'free', http }));
    expect(daily.code).toBe('RATE_LIMITED');
    expect(daily.message).not.toContain('ABCDEF123');
    server.fault('/alphavantage', {
      body: JSON.stringify({
        Note: 'Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day. Please visit https://www.alphavantage.co/premium/ if you would like to target a higher API call frequency.',
      }),
    });
    expect((await refusal(fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: 'free', http }))).code).toBe('RATE_LIMITED');
    server.fault('/alphavantage', {
      body: JSON.stringify({ 'Error Message': 'Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY.' }),
    });
    const invalid = await refusal(fetchAlphaVantageSeries('QQQ', { baseUrl: base(), apiKey: 'free', http }));
    expect([invalid.code, invalid.detail]).toEqual([
      'REFUSED',
      'Alpha Vantage refused the request: Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY.',
    ]);
  });
});

describe('CFTC TFF on Socrata: padded codes and null-omitted fields', () => {
  it('a page whose record omits a field gives a missing value for that field and week only', async () => {
    server.edit('/cftc/resource/gpe5-46if', (rows) =>
      rows.map((r: any) => {
        if (!r.report_date_as_yyyy_mm_dd.startsWith('2024-03-12')) return r;
        const { dealer_positions_spread_all: _omitted, ...rest } = r; // Socrata leaves null values out
        return rest;
      }),
    );
    const batches = await fetchCftcSeries('239742', ['F'], { baseUrl: `${server.url}/cftc`, http });
    server.edit('/cftc/resource/gpe5-46if', (rows) => rows);
    const spread = batches.find((b) => b.meta.id === 'CFTC_239742_F_DEALER_SPREAD')!;
    expect(spread.revisions.find((r) => r.date === '2024-03-12')).toEqual({ date: '2024-03-12', value: null, realtimeStart: '2024-03-15' });
    expect(spread.revisions.filter((r) => r.value === null)).toHaveLength(1);
    const longs = batches.find((b) => b.meta.id === 'CFTC_239742_F_DEALER_LONG')!;
    expect(longs.revisions.find((r) => r.date === '2024-03-12')?.value).not.toBeNull();
  });

  it('codes padded as in CFTC files ("CME ", "239 ", "239742 ") are trimmed; names too', async () => {
    const page = JSON.parse(readFileSync(new URL('./recorded/cftc/gpe5-46if.json', import.meta.url), 'utf8'));
    expect(page[0].cftc_market_code).toBe('CME ');
    server.edit('/cftc/resource/yw9f-hn96', (rows) => rows.map((r: any) => ({ ...r, market_and_exchange_names: `${r.market_and_exchange_names}  ` })));
    server.fault('/cftc/resource/yw9f-hn96', { body: JSON.stringify(page.slice(0, 2).map((r: any) => ({ ...r, cftc_contract_market_code: '239742 ' }))) });
    const [oi] = await fetchCftcSeries('239742', ['C'], { baseUrl: `${server.url}/cftc`, http });
    expect(oi.revisions.map((r) => r.date)).toEqual(['2024-01-02', '2024-01-09']);
    expect(oi.meta.name).toBe('RUSSELL E-MINI - CHICAGO MERCANTILE EXCHANGE: open interest (futures and options combined)');
  });

  it('a field missing from every record is a changed dataset, named, not a column of blanks', async () => {
    server.edit('/cftc/resource/gpe5-46if', (rows) => rows.map(({ asset_mgr_positions_long: _gone, ...r }: any) => r));
    await expect(fetchCftcSeries('239742', ['F'], { baseUrl: `${server.url}/cftc`, http })).rejects.toThrow(
      'CFTC TFF futures only, CFTC_239742_F_ASSET_MGR_LONG: no record has field "asset_mgr_positions_long"',
    );
    server.edit('/cftc/resource/gpe5-46if', (rows) => rows);
  });
});

describe('FRED/ALFRED observations', () => {
  const opts = () => ({ baseUrl: `${server.url}/fred`, apiKey: 'k', http });

  it('a "." vintage (a withdrawn value) is kept as a missing revision: asOf before shows the value, after shows none', async () => {
    server.edit('/fred/series/observations', (body) => {
      const rows = body.observations;
      const i = rows.findIndex((o: any) => o.date === '2024-06-01' && o.realtime_end === '9999-12-31');
      rows[i] = { ...rows[i], realtime_end: '2026-04-20' };
      rows.splice(i + 1, 0, { realtime_start: '2026-04-21', realtime_end: '9999-12-31', date: '2024-06-01', value: '.' });
      return { ...body, count: rows.length, observations: rows };
    });
    const batch = await fetchFredSeries('CPIAUCSL', true, opts());
    server.edit('/fred/series/observations', (body) => body);
    const local = await startLocalStore();
    await ingest(local.store, 'fred', [batch], { now: () => new Date('2026-05-01T06:00:00Z') });
    const stored = await local.store.readRevisions('CPIAUCSL');
    expect(inForce(stored, '2026-04-20').find((r) => r.date === '2024-06-01')?.value).toBe(313.044);
    expect(inForce(stored).find((r) => r.date === '2024-06-01')).toEqual({ date: '2024-06-01', value: null, realtimeStart: '2026-04-21' });
    expect(await local.store.readVintages('CPIAUCSL')).toContain('2026-04-21');
    await local.close();
  });

  it("observations older than ALFRED's first vintage keep that date and the notes say so", async () => {
    server.edit('/fred/series/observations', (body) => {
      const old = ['1947-01-01', '1947-04-01', '1990-10-01'].map((date, k) => ({ realtime_start: '2024-12-19', realtime_end: '9999-12-31', date, value: String(2000 + k) }));
      const rows = [...old, ...body.observations];
      return { ...body, count: rows.length, observations: rows };
    });
    const batch = await fetchFredSeries('GDPC1', true, opts());
    server.edit('/fred/series/observations', (body) => body);
    expect(batch.publication).toBe('stamped');
    expect(batch.revisions[0]).toEqual({ date: '1947-01-01', value: 2000, realtimeStart: '2024-12-19' });
    // the three added rows and the recorded quarters 2021Q1-2023Q4 all predate the first vintage by over a year
    expect(batch.meta.notes).toContain(
      "ALFRED's vintage archive for this series begins 2024-12-19: the 15 observations from 1947-01-01 to 2023-10-01 carry that date as their first release (their original release dates are not in ALFRED), so asOf a date before 2024-12-19 has no values.",
    );
  });
});
