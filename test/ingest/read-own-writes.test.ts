// Read your own writes: `npm run ingest` writes into a running `npm start`'s store from another process,
// and the next read through that server answers with it, even when the series was read a moment before
// (the deployed cache trusts a version for 1 s; the local server checks it on every request).
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJobs } from '../../api/ingest/run.js';
import { openTarget } from '../../api/local/target.js';
import { startApi } from '../helpers/local-api.js';

const run = promisify(execFile);
const repo = process.cwd();
let api: Awaited<ReturnType<typeof startApi>>;
let dataDir: string;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tide-ryow-'));
  dataDir = join(work, '.data');
  api = await startApi({ dataDir }); // leaves its endpoint file in dataDir, as `npm start` does
}, 120_000);
afterAll(async () => {
  await api?.close();
  await rm(work, { recursive: true, force: true });
});

const latest = async (id: string) => (await api.query(`{ series(id: "${id}") { latest { date value } } }`)).data.series.latest as { date: string; value: number };

/** A CSV of one close after the bundled data ends (the values are the test's own, not a market's). */
async function closeFile(name: string, date: string, value: number): Promise<string> {
  const file = join(work, name);
  await writeFile(file, `Date,Close\n${date},${value}\n`);
  return file;
}

describe('an ingest into a running local server is read at once', () => {
  it('through the CLI target (another store and client, as the ingest process has): the next request sees it', async () => {
    expect(await latest('RUT')).toEqual({ date: '2024-12-31', value: 2230.159912109375 }); // data/real/rut_daily_yahoo.csv, last row
    const previous = process.env.TIDE_DATA_DIR;
    process.env.TIDE_DATA_DIR = dataDir;
    const target = await openTarget();
    process.env.TIDE_DATA_DIR = previous;
    try {
      expect(target.description).toBe(`running local server (${api.endpoint})`);
      const file = await closeFile('rut-2025-01-02.csv', '2025-01-02', 2250.5);
      const summary = await runJobs([{ kind: 'csv', file, dateColumn: 'Date', columns: [{ column: 'Close', id: 'RUT' }] }], target.store);
      expect(summary.pointsAdded).toBe(1);
    } finally {
      await target.close();
    }
    // no pause: the version read a moment ago is not trusted
    expect(await latest('RUT')).toEqual({ date: '2025-01-02', value: 2250.5 });
  });

  it('through `npm run ingest` in its own process, while a workbook keeps reading: the first read after it exits sees it', { timeout: 60_000 }, async () => {
    expect((await latest('IWM')).date).toBe('2024-12-31');
    const file = await closeFile('iwm-2025-01-02.csv', '2025-01-02', 222.25);
    let reading = true;
    const reader = (async () => {
      while (reading) await latest('IWM'); // keeps the series' version freshly read the whole time
    })();
    const cli = await run(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'api/cli/ingest.ts'), 'csv', file, '--id', 'IWM', '--date-col', 'Date', '--value-col', 'Close'], {
      cwd: work,
      env: { ...process.env, TIDE_DATA_DIR: dataDir },
    }).finally(() => (reading = false));
    await reader;
    expect(cli.stdout).toContain(`Writing to running local server (${api.endpoint})`);
    expect(cli.stdout).toContain('points added:   1');
    expect(await latest('IWM')).toEqual({ date: '2025-01-02', value: 222.25 });
  });
});
