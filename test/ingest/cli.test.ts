import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';
import { expectedBy, isStale } from '../../api/series/freshness.js';

const run = promisify(execFile);
const repo = process.cwd();
let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
let work: string;

beforeAll(async () => {
  server = await startRecordedServer();
  local = await startLocalStore('tide-local');
  // a data folder (TIDE_DATA_DIR) whose endpoint file points at a running store, as `npm start` leaves it
  work = await mkdtemp(join(tmpdir(), 'tide-cli-'));
  await run('mkdir', ['-p', join(work, '.data')]);
  await writeFile(join(work, '.data', 'endpoint'), local.endpoint);
});
afterAll(async () => {
  await server.close();
  await local.close();
  await rm(work, { recursive: true, force: true });
});

function cli(args: string[]) {
  const env = { ...process.env, TIDE_DATA_DIR: join(work, '.data'), FRED_API_URL: `${server.url}/fred`, FRED_API_KEY: 'k', CFTC_API_URL: `${server.url}/cftc`, INGEST_HTTP_RETRIES: '0' };
  return run(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'api/cli/ingest.ts'), ...args], { cwd: work, env }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }),
  );
}

describe('ingest CLI', () => {
  it('writes to the running local store and prints a summary', async () => {
    const first = await cli(['fred', 'GDPC1', '--vintages']);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Writing to running local server (${local.endpoint})`);
    expect(first.out).toMatch(/series touched: 1 of 1\npoints added:   \d+\nvintages added: 2\nerrors:         0/);
    expect(await local.store.readVintages('GDPC1')).toEqual(['2024-12-19', '2025-12-23']);
    const again = await cli(['fred', 'GDPC1', '--vintages']);
    expect(again.out).toContain('points added:   0');
  });

  it('reads a CSV with a column mapping', async () => {
    const file = join(work, 'rut.csv');
    await writeFile(file, await readFile(join(repo, 'test/ingest/recorded/csv/excel-us.csv')));
    const r = await cli(['csv', file, '--id', 'MY_RUT', '--date-col', 'Date', '--value-col', 'Close']);
    expect(r.code).toBe(0);
    expect((await local.store.readRevisions('MY_RUT')).map((x) => x.value)).toEqual([2030.07, 2033.87, 2036.62, 2026.73]);
  });

  it('exits non-zero with the reason when a job fails', async () => {
    const r = await cli(['fred', 'NOSUCHSERIES']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('fred NOSUCHSERIES: FRED /series, NOSUCHSERIES: HTTP 400');
  });

  it('exits 2 with usage on bad arguments', async () => {
    const r = await cli(['csv', 'x.csv', '--value-col', 'Close']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('csv: give an --id for each --value-col.');
  });

  it('status: one row per series, from the same freshness the API reports; a series the ingest checked shows when', async () => {
    const before = new Date().toISOString().slice(0, 10);
    const r = await cli(['status']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Freshness of the series in running local server (${local.endpoint})`);
    const lines = r.out.split('\n');
    expect(lines.find((l) => l.startsWith('series'))).toMatch(/^series\s+last observation\s+last checked\s+expected by\s+from\s+stale$/);
    const today = new Date().toISOString().slice(0, 10);
    // GDPC1 (FRED's recorded answer ends 2025Q3) follows BEA's schedule: the 2025Q4 advance estimate came
    // on 2026-02-20 (data/calendars/gdp_release_dates.csv). MY_RUT, from a CSV file, follows no known
    // calendar: the lag rule dates it.
    const meta = async (id: string) => (await local.store.getMeta(id))!;
    const rut = await meta('MY_RUT');
    for (const [id, due, from] of [
      ['GDPC1', '2026-02-20', 'calendar'],
      ['MY_RUT', expectedBy(rut.lastDate!, rut.frequency), 'rule'],
    ]) {
      const row = lines.find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
      expect(row.slice(0, 5)).toEqual([id, (await meta(id)).lastDate, expect.stringMatching(new RegExp(`^(${before}|${today}) \\d{2}:\\d{2}Z$`)), due, from]);
      expect(row[5].startsWith('STALE')).toBe(isStale(due, today));
    }
    expect((await meta('GDPC1')).lastDate).toBe('2025-07-01');
    expect(r.out).toMatch(/\n\d+ of \d+ series stale\n/);
  });
});
