// The body of =TIDE.RATEPATH(asOf, headers) against the local API over real HTTP (the batching
// client the add-in uses), on the vendor settlement file's full curve (test/ingest/recorded/README.md "ZQ").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchingClient } from '../../addin/src/client/batching-client.js';
import { ratePathMatrix, RATEPATH_LABELS } from '../../addin/src/functions/market-functions.js';
import { isoToSerial } from '../../addin/src/shared/dates.js';
import { TideError } from '../../addin/src/shared/errors.js';
import { parseCli } from '../../api/ingest/cli-args.js';
import { runJobs } from '../../api/ingest/run.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
let fetch: BatchingClient['fetch'];
beforeAll(async () => {
  api = await startApi();
  expect((await runJobs(parseCli(['zq-settlements', 'test/ingest/recorded/zq/barchart_settlements_2024-07-01_to_08-16.csv']).jobs!, api.store)).errors).toEqual([]);
  const client = new BatchingClient({ url: `${api.url}/graphql`, apiKey: api.apiKey });
  fetch = client.fetch.bind(client);
});
afterAll(() => api.close());

describe('=TIDE.RATEPATH', () => {
  it('one row per priced meeting: date serial, expected midpoint, expected change, cut / hold / hike, as ratePath answers', async () => {
    const rows = await ratePathMatrix(fetch, '2024-08-16', true);
    expect(rows[0]).toEqual(RATEPATH_LABELS);
    const res = await api.query('{ ratePath(asOf: "2024-08-16") { meetings { meeting expectedMidpoint expectedChangeBp pCut pHold pHike } } }');
    const meetings = res.data.ratePath.meetings as { meeting: string; expectedMidpoint: number; expectedChangeBp: number; pCut: number; pHold: number; pHike: number }[];
    expect(rows.slice(1)).toEqual(meetings.map((m) => [isoToSerial(m.meeting), m.expectedMidpoint, m.expectedChangeBp, m.pCut, m.pHold, m.pHike]));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['2024-09-18', '2024-11-07', '2024-12-18', '2025-01-29'].map(isoToSerial));
    // September on 2024-08-16: ZQQ24 94.6725 → ZQV24 94.985, −31.25 bp, a cut certain
    expect(rows[1][2]).toBeCloseTo(-31.25, 9);
    expect(rows[1][3]).toBeCloseTo(1, 12);
  });

  it('a bad asOf is an argument error; an asOf the store holds no target range for comes back as a Tide error', async () => {
    await expect(ratePathMatrix(fetch, 'next week', false)).rejects.toThrow(/asOf/);
    const e = await ratePathMatrix(fetch, '2026-12-31', false).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(TideError);
  });
});
