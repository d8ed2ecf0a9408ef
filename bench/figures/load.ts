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
  const child = spawn(process.execPath, ['--max-old-space-size=160', '--import', 'tsx', 'api/local/start.ts'], {
    env: { ...process.env, PORT: String(port), TIDE_DATA_DIR: dataDir, TIDE_API_KEY: BENCH_KEY, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('GraphQL API') && resolve());
      child.once('exit', (code) => reject(new Error(`local server exited with ${code}`)));
    });
    // Three equal phases back to back: the first warms up (V8 grows its heap to the working set), the
    // next two should then leave memory where it was; a leak shows as growth in the last phase too. The
    // heap is capped, as a Lambda's memory size caps it, so a leak would also end in errors.
    const phase = Math.max(5, Math.round(DURATION_S / 3));
    const rss = [await rssMb(child.pid!)];
    const runs = [];
    for (let i = 0; i < 3; i++) {
      runs.push(
        await autocannon({
          url: `http://127.0.0.1:${port}`,
          connections: CONNECTIONS,
          duration: phase,
          requests: QUERIES.map((query) => ({ method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'x-api-key': BENCH_KEY }, body: JSON.stringify({ query }) })),
        }),
      );
      rss.push(await rssMb(child.pid!));
    }
    const total = runs.reduce((n, r) => n + r.requests.total, 0);
    const errors = runs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0);
    const last = runs[2];
    const lastGrowth = rss[3] - rss[2];
    return [
      {
        figure: `local server, ${CONNECTIONS} clients × ${3 * phase} s (autocannon)`,
        value: `${Math.round(total / (3 * phase))} req/s, p50 ${last.latency.p50} ms, p99 ${last.latency.p99} ms (last phase)`,
        baseline: `${total} requests`,
        ratio: `${errors} errors`,
        target: '0 errors',
        met: errors === 0,
      },
      {
        figure: 'server memory (RSS) after each third of that load',
        value: rss.map((m) => m.toFixed(0)).join(' → ') + ' MB',
        baseline: `warm-up phase: +${(rss[1] - rss[0]).toFixed(0)} MB`,
        ratio: `last phase: ${lastGrowth >= 0 ? '+' : ''}${lastGrowth.toFixed(0)} MB`,
        target: 'flat after warm-up (< 5% growth in the last phase)',
        met: lastGrowth < 0.05 * rss[2],
        note: 'the server runs with its JavaScript heap capped at 160 MB (--max-old-space-size) and answers without error, so the heap cannot be growing without bound; the embedded store (dynalite, with LevelDB buffers of its own) runs in a supervised child process, whose memory is not counted here (see the ingest memory rows)',
      },
    ];
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}
