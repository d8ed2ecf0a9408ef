import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../api/ingest/jobs.js';
import { runJobs } from '../../api/ingest/run.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
const env = () => ({
  FRED_API_URL: `${server.url}/fred`,
  FRED_API_KEY: 'secret-key',
  CFTC_API_URL: `${server.url}/cftc`,
  CFTC_PAGE_SIZE: '10',
  INGEST_HTTP_RETRIES: '2',
  INGEST_HTTP_BACKOFF_MS: '20',
  INGEST_HTTP_TIMEOUT_MS: '500',
});
const fred: Job = { kind: 'fred', series: ['CPIAUCSL', 'GDPC1'], vintages: true };
const cftc: Job = { kind: 'cftc', contract: '239742', reports: ['F'] };

beforeAll(async () => {
  local = await startLocalStore();
});
beforeEach(async () => {
  await server?.close();
  server = await startRecordedServer();
});
afterAll(async () => {
  await server.close();
  await local.close();
});

/** Runs a job that must fail and checks its message and that the table is still empty. */
async function failsCleanly(job: Job, message: RegExp) {
  const summary = await runJobs([job], local.store, { env: env() });
  expect(summary.errors).toHaveLength(1);
  expect(summary.errors[0].message).toMatch(message);
  expect(summary.errors[0].message).not.toContain('secret-key');
  expect(await local.scan()).toEqual([]);
}

describe('faults: retried when they can pass, clear errors and nothing written when they cannot', () => {
  it('waits for Retry-After on 429 and backs off on 500, then succeeds', async () => {
    server.fault('/fred/series/observations', { status: 429, retryAfter: '1' }, { status: 500 });
    const t0 = Date.now();
    const summary = await runJobs([{ kind: 'fred', series: ['FEDFUNDS'] }], local.store, { env: env() });
    expect(summary.errors).toEqual([]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000); // the server asked for one second
    expect(summary.pointsAdded).toBe(36);
    expect(server.requests.filter((r) => r.startsWith('/fred/series/observations'))).toHaveLength(3);
    // empty the table again: the other tests check that a failed run leaves it empty
    const { DeleteCommand } = await import('@aws-sdk/lib-dynamodb');
    for (const item of await local.scan()) await local.client.send(new DeleteCommand({ TableName: 'tide-test', Key: { pk: item.pk, sk: item.sk } }));
  });

  it('gives up after the retries on a server that never answers', async () => {
    server.fault('/fred/series/observations', { hang: true }, { hang: true }, { hang: true });
    await failsCleanly(fred, /^FRED \/series\/observations, CPIAUCSL: no response within 500 ms .* \(gave up after 3 attempts\)$/);
  });

  it('malformed JSON in the second series: the first series is not written either', async () => {
    server.fault('/fred/series/observations', { pass: true }, { body: '{"observations": [' });
    await failsCleanly(fred, /^FRED \/series\/observations, GDPC1: malformed JSON from http:\/\/127\.0\.0\.1:\d+\/fred\/series\/observations\?series_id=GDPC1&api_key=\*\*\*/);
  });

  it('a missing field names the row', async () => {
    server.edit('/fred/series/observations', (body) => {
      delete body.observations[4].value;
      return body;
    });
    await failsCleanly(fred, /^FRED \/series\/observations, CPIAUCSL, row 5: field "value" is missing$/);
  });

  it('a non-numeric CFTC value names the derived series and row', async () => {
    server.edit('/cftc/resource/', (rows) =>
      rows.map((r: any, i: number) => (i === 2 && rows[0].report_date_as_yyyy_mm_dd.startsWith('2024-03-12') ? { ...r, asset_mgr_positions_long: '24x382' } : r)),
    );
    await failsCleanly(cftc, /^CFTC TFF futures only, CFTC_239742_F_ASSET_MGR_LONG, row 13: field "asset_mgr_positions_long" value "24x382" on 2024-03-26 is not a number$/);
  });

  it('a duplicated CFTC week is refused', async () => {
    server.edit('/cftc/resource/', (rows) => (rows.length && rows[0].report_date_as_yyyy_mm_dd.startsWith('2024-03-12') ? [rows[0], ...rows] : rows));
    await failsCleanly(cftc, /^CFTC TFF futures only, contract 239742, row 12: report date 2024-03-12 appears twice$/);
  });
});
