import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate } from '../../api/local/dev-certs.js';
import { localPaths } from '../../api/local/paths.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';

// TIDE_DATA_DIR is honoured by `npm start` (api/local/start.ts) and every command-line tool the same
// way, from one definition (api/local/paths.ts): here the real start script runs as a child process on
// a data folder of its own, and the ingest and keys CLIs, started from another folder, write into it.

const run = promisify(execFile);
const repo = process.cwd();
const tsx = join(repo, 'node_modules/.bin/tsx');
let server: RecordedServer;
let dataDir: string;
let elsewhere: string;
let start: ChildProcess;
let startOutput = '';
let url = '';

const sources = () => ({ FRED_API_URL: `${server.url}/fred`, CFTC_API_URL: `${server.url}/cftc`, STOOQ_URL: `${server.url}/stooq/`, INGEST_HTTP_RETRIES: '0' });

function cli(script: string, args: string[], env: Record<string, string>) {
  // run from a folder that is not the repository, so nothing can depend on the current folder
  return run(tsx, [join(repo, script), ...args], { cwd: elsewhere, env: { ...process.env, ...env }, timeout: 120_000 }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }),
  );
}

beforeAll(async () => {
  server = await startRecordedServer();
  dataDir = await mkdtemp(join(tmpdir(), 'tide-data-'));
  elsewhere = await mkdtemp(join(tmpdir(), 'tide-cwd-'));
  // a certificate made beforehand in a folder of the test's own, so npm start neither writes to the
  // user's certificate folder nor tries to install a CA; random ports for http and https
  const certDir = join(dataDir, 'certs');
  await ensureDevCertificate({ dir: certDir, installCa: false });
  start = spawn(tsx, [join(repo, 'api/local/start.ts')], {
    cwd: repo,
    env: { ...process.env, TIDE_DATA_DIR: dataDir, TIDE_CERT_DIR: certDir, PORT: '0', HTTPS_PORT: '0', LOG_LEVEL: 'WARN' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (b) => (startOutput += b));
  start.stderr!.on('data', (b) => (startOutput += b));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /Tide GraphQL API: (http:\/\/localhost:\d+)\/graphql/.exec(startOutput);
      if (m) {
        url = m[1].replace('localhost', '127.0.0.1');
        clearInterval(timer);
        resolve();
      }
      if (start.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`start exited: ${startOutput}`));
      }
    }, 100);
  });
}, 180_000);

afterAll(async () => {
  if (start && start.exitCode === null) {
    const exited = new Promise((resolve) => start.once('exit', resolve));
    start.kill('SIGTERM');
    await exited;
  }
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  await rm(elsewhere, { recursive: true, force: true });
});

async function query(q: string) {
  const key = (await readFile(join(dataDir, 'dev-api-key'), 'utf8')).trim();
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query: q }) });
  return (await res.json()) as { data: any };
}

describe('one definition of the local paths', () => {
  it('TIDE_DATA_DIR decides every local file; relative to the current folder; the repository otherwise', () => {
    expect(localPaths({ TIDE_DATA_DIR: dataDir })).toMatchObject({
      dataDir,
      endpointFile: join(dataDir, 'endpoint'),
      dynaliteDir: join(dataDir, 'dynalite'),
      devKeyFile: join(dataDir, 'dev-api-key'),
    });
    expect(localPaths({ TIDE_DATA_DIR: 'rel' }).dataDir).toBe(join(process.cwd(), 'rel'));
    expect(localPaths({}).dataDir).toBe(join(repo, '.data'));
    expect(localPaths({}).bundledDataDir).toBe(join(repo, 'data'));
    expect(localPaths({ TIDE_DATA_DIR: dataDir }).manifestFile).toBe(join(dataDir, 'manifest.xml'));
    expect(localPaths({ TIDE_CERT_DIR: 'certs' }).certDir).toBe(join(process.cwd(), 'certs'));
  });

  it('npm start on TIDE_DATA_DIR says how recent the bundled data is', () => {
    expect(startOutput).toContain('Newest observation of each bundled series (bring them up to date: npm run ingest -- refresh):');
    expect(startOutput).toMatch(/ {2}2025-12-01 \(\d+ months old\): CPIAUCSL/);
    expect(startOutput).toMatch(/ {2}2024-12-31 \(\d+ months old\): RUT, IWM, QQQ, SPY, RSP, AAPL and \d+ more/);
  });

  it('the ingest CLI, run from another folder with the same TIDE_DATA_DIR, writes into the running server', { timeout: 120_000 }, async () => {
    const r = await cli('api/cli/ingest.ts', ['csv', join(repo, 'test/ingest/recorded/csv/excel-us.csv'), '--id', 'MY_RUT', '--date-col', 'Date', '--value-col', 'Close'], { TIDE_DATA_DIR: dataDir });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`Writing to running local server (${(await readFile(join(dataDir, 'endpoint'), 'utf8')).trim()})`);
    const res = await query('{ series(id: "MY_RUT") { observations { values } } }');
    expect(res.data.series.observations.values).toEqual([2030.07, 2033.87, 2036.62, 2026.73]);
  });

  it('the keys CLI with the same TIDE_DATA_DIR creates a key the running server accepts', { timeout: 120_000 }, async () => {
    const r = await cli('api/cli/keys.ts', ['create', '--name', 'paths-test'], { TIDE_DATA_DIR: dataDir });
    expect(r.code, r.err).toBe(0);
    const key = r.out.trim().split('\n').at(-1)!;
    const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify({ query: '{ series(id: "RUT") { id } }' }) });
    expect(res.status).toBe(200);
  });

  it('refresh brings every bundled series it can reach up to date and names what it could not', async () => {
    const withoutFred = await cli('api/cli/ingest.ts', ['refresh'], { TIDE_DATA_DIR: dataDir, ...sources(), FRED_API_KEY: '' });
    expect(withoutFred.code, withoutFred.err).toBe(0);
    expect(withoutFred.out).toContain('Refreshed from their sources: RUT, IWM, QQQ, SPY, RSP, AAPL and 37 more');
    expect(withoutFred.out).toContain('  - CPIAUCSL, CPIAUCNS, GDPC1, A191RL1Q225SBEA, GDPNOW: No FRED API key: set FRED_API_KEY');
    expect(withoutFred.out).toContain('  - NASDAQCOM, DGS2, DFF, DFEDTARU, FEDFUNDS: No FRED API key');
    expect(withoutFred.out).toContain('  - RTY=F: no connector serves the continuous E-mini Russell 2000 front month');
    expect(withoutFred.out).toContain('  - ZQU24: the September 2024 contract expired');
    expect(withoutFred.out).toContain('  - CONSENSUS_US_CPI_YOY: consensus surveys are licensed data');
    expect(withoutFred.out).toContain('  - every listed ZQ contract: No Barchart key: set BARCHART_API_KEY');
    expect(withoutFred.out).toContain('  - POLLS_US_PRES_2024_TRUMP, POLLS_US_PRES_2024_BIDEN, POLLS_US_PRES_2024_HARRIS, POLLS_US_PRES_2024_KENNEDY: 538 stopped publishing polls');
    expect(withoutFred.out).toContain('Newest observation of each bundled series in running local server');
  }, 120_000);

  it('with a FRED key every source with a connector is reached but Barchart, which needs its own key', async () => {
    const all = await cli('api/cli/ingest.ts', ['refresh'], { TIDE_DATA_DIR: dataDir, ...sources(), FRED_API_KEY: 'k' });
    expect(all.code, all.err).toBe(0);
    expect(all.out).toMatch(/Refreshed from their sources: CPIAUCSL, CPIAUCNS, GDPC1, A191RL1Q225SBEA, GDPNOW, NASDAQCOM and \d+ more/);
    expect(all.out).not.toContain('No FRED API key');
    expect(all.out).toContain('errors:         1');
    expect(all.out).toContain('  - every listed ZQ contract: No Barchart key');
    // the recording stamps its values 2026-04-15 (the day the extract was taken); the values are the
    // ones BEA published earlier, so they keep the release dates of BEA's calendar (2025Q4: 2026-04-09)
    const res = await query('{ series(id: "A191RL1Q225SBEA") { lastDate vintages } }');
    expect(res.data.series.lastDate).toBe('2025-10-01');
    expect(res.data.series.vintages).toContain('2026-04-09');
    expect(res.data.series.vintages).not.toContain('2026-04-15');
  }, 120_000);
});
