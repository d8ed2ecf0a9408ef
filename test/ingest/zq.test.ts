// Fed funds futures: every listed ZQ contract from Barchart OnDemand (served from recordings on
// loopback), and a vendor's settlement file with many contracts. The recorded settlements are
// Barchart's own daily data (test/ingest/recorded/README.md, "ZQ").
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../api/ingest/config.js';
import { parseCli } from '../../api/ingest/cli-args.js';
import { listedContracts, normalizeContract, zqMonth } from '../../api/ingest/connectors/zq-contracts.js';
import { parseZqSettlements } from '../../api/ingest/connectors/zq-settlements-parser.js';
import { runJobs } from '../../api/ingest/run.js';
import { refreshPlan, readCatalog } from '../../api/dataset/refresh.js';
import { startRecordedServer, type RecordedServer } from '../../support/ingest/recorded-server.js';
import { startLocalStore } from '../../support/ingest/local-store.js';

const FILE = 'test/ingest/recorded/zq/barchart_settlements_2024-07-01_to_08-16.csv';
let server: RecordedServer;
let local: Awaited<ReturnType<typeof startLocalStore>>;
let work: string;
beforeAll(async () => {
  server = await startRecordedServer();
  local = await startLocalStore();
  work = await mkdtemp(join(tmpdir(), 'tide-zq-'));
});
afterAll(async () => {
  await server.close();
  await local.close();
  await rm(work, { recursive: true, force: true });
});
const env = () => ({ BARCHART_API_URL: `${server.url}/barchart`, BARCHART_API_KEY: 'k', INGEST_HTTP_RETRIES: '0' });

describe('contract ids', () => {
  it('lists the month just ended and the 60 listed months from the current one (CME lists 60 consecutive months)', () => {
    const listed = listedContracts('2026-12-06');
    expect(listed).toHaveLength(61);
    expect(listed.slice(0, 4)).toEqual(['ZQX26', 'ZQZ26', 'ZQF27', 'ZQG27']);
    expect(listed.at(-1)).toBe('ZQX31'); // December 2026 + 59 months
    expect(zqMonth('ZQF27')).toBe('2027-01');
    expect(zqMonth('ZQ1')).toBeUndefined();
  });

  it('reads the ways vendors write a contract', () => {
    expect(normalizeContract('ZQU24', '2024-07-10')).toBe('ZQU24');
    expect(normalizeContract('zqu4', '2024-07-10')).toBe('ZQU24');
    expect(normalizeContract('FFF5 Comdty', '2024-07-10')).toBe('ZQF25');
    expect(normalizeContract('ZQF3', '2024-07-10')).toBe('ZQF33'); // a one-digit year is never in the past
    expect(normalizeContract('ESU24', '2024-07-10')).toBeUndefined();
  });
});

describe('Barchart connector: every listed contract', () => {
  it("stores each listed contract's daily settlements, each known on its trading day; unlisted months are skipped", async () => {
    const summary = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', since: '2024-07-01', months: 8 }], local.store, { env: env() });
    expect(summary.errors).toEqual([]);
    // asked on 2024-08-16 with 8 months: July 2024 (just ended), then August 2024 … March 2025; the recordings hold July 2024 … February 2025
    expect(summary.outcomes.map((o) => o.id).sort()).toEqual(['ZQF25', 'ZQG25', 'ZQN24', 'ZQQ24', 'ZQU24', 'ZQV24', 'ZQX24', 'ZQZ24']);
    expect(server.requests.filter((r) => r.startsWith('/barchart/'))).toHaveLength(9);
    expect(server.requests.find((r) => r.includes('symbol=ZQV24'))).toContain('startDate=20240701');
    const oct = await local.store.readRevisions('ZQV24');
    expect(oct).toHaveLength(34);
    // ZQV24_daily_historical-data-08-17-2024.csv (Barchart): 08/05/2024 Last 95.17
    expect(oct.find((r) => r.date === '2024-08-05')).toMatchObject({ value: 95.17, realtimeStart: '2024-08-05' });
    const meta = await local.store.getMeta('ZQV24');
    expect(meta).toMatchObject({ name: '30-Day Federal Funds futures, October 2024 contract', frequency: 'DAILY', source: { name: 'Barchart', sourceId: 'ZQV24' } });
    const again = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', since: '2024-08-01', months: 8 }], local.store, { env: env() });
    expect(again.pointsAdded).toBe(0);
  });

  it('a refused key, a malformed answer and a wrong row are errors naming the contract; nothing is written', async () => {
    const fresh = await startLocalStore();
    try {
      const noKey = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', months: 1 }], fresh.store, { env: { ...env(), BARCHART_API_KEY: '' } });
      expect(noKey.errors[0].message).toMatch(/No Barchart key: set BARCHART_API_KEY/);
      server.edit('/barchart/', () => ({ status: { code: 401, message: 'Invalid API key.' }, results: null }));
      const refused = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', months: 1 }], fresh.store, { env: env() });
      expect(refused.errors[0].message).toMatch(/Barchart getHistory, ZQ\w\d\d: Barchart refused the request: status 401 "Invalid API key\."/);
      server.edit('/barchart/', (doc) => ({ ...doc, results: doc.results?.map((r: any, i: number) => (i === 3 ? { ...r, close: '94.7' } : r)) }));
      const malformed = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', since: '2024-07-01', months: 1 }], fresh.store, { env: env() });
      expect(malformed.errors[0].message).toMatch(/row 4: close "94.7" on 2024-07-05 is not a ZQ settlement price/);
      server.edit('/barchart/', (doc) => ({ ...doc, results: doc.results?.map((r: any) => ({ ...r, close: 100 - r.close })) }));
      const rates = await runJobs([{ kind: 'zq', listedOn: '2024-08-16', since: '2024-07-01', months: 1 }], fresh.store, { env: env() });
      expect(rates.errors[0].message).toMatch(/is not a ZQ settlement price/);
      expect(await fresh.scan()).toEqual([]);
    } finally {
      server.edit('/barchart/', (doc) => doc);
      await fresh.close();
    }
  });

  it('is in the scheduled config and in refresh, with a CLI command', async () => {
    const jobs = parseConfig(JSON.parse(readFileSync('ingest.config.json', 'utf8')));
    expect(jobs).toContainEqual({ kind: 'zq' });
    const plan = refreshPlan(await readCatalog('data'));
    expect(plan.jobs.map((j) => j.job)).toContainEqual({ kind: 'zq' });
    expect(parseCli(['zq', '--since', '2024-07-01']).jobs).toEqual([{ kind: 'zq', since: '2024-07-01' }]);
    expect(() => parseCli(['zq', '--since', '07/01/2024'])).toThrow('zq: --since must be a YYYY-MM-DD day.');
    expect(() => parseConfig({ jobs: [{ kind: 'zq', months: 0 }] })).toThrow(/"months" must be a whole number of months, 1 to 120/);
  });
});

describe('vendor settlement file: many contracts in one command', () => {
  it('one series per contract, each settlement known on its trading day', () => {
    const batches = parseZqSettlements(readFileSync(FILE), 'settlements.csv');
    expect(batches.map((b) => b.meta.id)).toEqual(['ZQF25', 'ZQG25', 'ZQN24', 'ZQQ24', 'ZQU24', 'ZQV24', 'ZQX24', 'ZQZ24']);
    const sep = batches.find((b) => b.meta.id === 'ZQU24')!;
    // the bundled data/real/zq_fed_funds_futures_ZQU24_daily_barchart.csv: 2024-07-10 last 94.755
    expect(sep.revisions.find((r) => r.date === '2024-07-10')).toEqual({ date: '2024-07-10', value: 94.755, realtimeStart: '2024-07-10' });
    expect(batches.find((b) => b.meta.id === 'ZQN24')!.revisions.at(-1)!.date).toBe('2024-07-31'); // the July contract's last trading day
  });

  it('reads a Bloomberg-style export (tickers, PX_SETTLE, US dates) the same way', () => {
    const text = 'Date,Security,PX_SETTLE\n07/10/2024,FFU4 Comdty,94.755\n07/10/2024,FFZ4 Comdty,95.065\n07/11/2024,FFU4 Comdty,94.785\n';
    const batches = parseZqSettlements(Buffer.from(text), 'bbg.csv');
    expect(batches.map((b) => [b.meta.id, b.revisions.map((r) => [r.date, r.value])])).toEqual([
      [
        'ZQU24',
        [
          ['2024-07-10', 94.755],
          ['2024-07-11', 94.785],
        ],
      ],
      ['ZQZ24', [['2024-07-10', 95.065]]],
    ]);
  });

  it('names the row and the problem: unknown contract, a rate for a price, two settlements for one day, no contract column', () => {
    const parse = (text: string) => () => parseZqSettlements(Buffer.from(text), 'f.csv');
    expect(parse('date,contract,settlement\n2024-07-10,ESU24,5400\n')).toThrow('settlement file f.csv, row 2: "ESU24" is not a fed funds futures contract');
    expect(parse('date,contract,settlement\n2024-07-10,ZQU24,5.245\n')).toThrow(
      'settlement file f.csv, ZQU24, row 2: settlement 5.245 is not a ZQ price (100 − the average rate, between 80 and 101); it looks like a rate: give prices',
    );
    expect(parse('date,contract,settlement\n2024-07-10,ZQU24,94.755\n2024-07-10,ZQU4,94.76\n')).toThrow('ZQU24, row 3: 2024-07-10 appears twice with different settlements (94.755 and 94.76)');
    expect(parse('date,price\n2024-07-10,94.755\n')).toThrow(/no contract column \(looked for contract, symbol, ticker.*name it with --contract-col/);
    expect(parse('date,contract,settlement\n2024-13-10,ZQU24,94.755\n')).toThrow('row 2: "2024-13-10" is not a YYYY-MM-DD date');
  });

  it('through the CLI job: all contracts stored in one run; a bad file writes nothing', async () => {
    const fresh = await startLocalStore();
    try {
      const job = parseCli(['zq-settlements', FILE]).jobs!;
      const ok = await runJobs(job, fresh.store);
      expect(ok.errors).toEqual([]);
      expect(ok.outcomes).toHaveLength(8);
      expect(ok.pointsAdded).toBe(260);
      const bad = join(work, 'bad.csv');
      await writeFile(bad, 'date,contract,settlement\n2024-08-19,ZQH25,96.0\n2024-08-19,ZQJ25,4.1\n');
      const failed = await runJobs(parseCli(['zq-settlements', bad]).jobs!, fresh.store);
      expect(failed.errors[0].message).toMatch(/ZQJ25, row 3: settlement 4.1 is not a ZQ price/);
      expect(await fresh.store.getMeta('ZQH25')).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});
