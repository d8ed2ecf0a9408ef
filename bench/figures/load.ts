import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Row } from '../harness.js';

const DURATION_S = Number(process.env.BENCH_LOAD_SECONDS ?? 30);
const CONNECTIONS = 50;
const BENCH_KEY = 'tide_bench_load_key_0123456789abcdef';

const QUERIES = [
  '{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-31") { dates values } } }',
  '{ series(id: "CPIAUCSL") { observations(from: "2024-01-01", to: "2024-12-01", asOf: "2024-08-15") { dates values } } }',
  '{ series(id: "DGS2") { observations(from: "2022-01-01", to: "2024-12-31", frequency: WEEKLY, transform: CHANGE) { dates values } } }',
  '{ searchSeries(text: "russell", first: 10) { totalCount nodes { id name } } }',
];

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The local runtime in its own process under 50 concurrent clients, its memory sampled each second. */
export async function loadFigures(): Promise<Row[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tide-bench-'));
  const port = 4100 + Math.floor(Math.random() * 800);
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/local/start.ts'], {
    env: { ...process.env, PORT: String(port), TIDE_DATA_DIR: dataDir, TIDE_API_KEY: BENCH_KEY, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('GraphQL API') && resolve());
      child.once('exit', (code) => reject(new Error(`local server exited with ${code}`)));
    });
    const samples: number[] = [await rssMb(child.pid!)];
    const timer = setInterval(() => rssMb(child.pid!).then((mb) => samples.push(mb)), 1000);
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: QUERIES.map((query) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'x-api-key': BENCH_KEY }, body: JSON.stringify({ query }) })),
    });
    clearInterval(timer);
    const errors = result.errors + result.timeouts + result.non2xx;
    const settled = samples.slice(Math.floor(samples.length / 3));
    const growth = Math.max(...settled) - Math.min(...settled);
    return [
      { figure: `local server, ${CONNECTIONS} clients × ${DURATION_S} s (autocannon)`, value: `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`, baseline: `${result.requests.total} requests`, ratio: `${errors} errors`, target: '0 errors', met: errors === 0 },
      { figure: 'server memory under that load (RSS)', value: `${samples[0].toFixed(0)} → ${samples[samples.length - 1].toFixed(0)} MB`, baseline: `after warm-up: min ${Math.min(...settled).toFixed(0)}, max ${Math.max(...settled).toFixed(0)} MB`, ratio: `${growth.toFixed(0)} MB drift`, target: 'flat', met: growth < 50 },
    ];
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
