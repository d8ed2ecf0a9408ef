// Throughput of a 50-series FRED ingest into a local dynalite store, over real HTTP on loopback.
// The 9 recorded FRED series are served under 50 distinct ids (B01_DFF, B02_DGS2, ...), all
// vintages requested, so each series costs the requests and writes a real run would make.
// Usage: npx tsx bench/ingest-fred.ts
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { fetchJob } from '../api/ingest/jobs.js';
import { ingest } from '../api/ingest/pipeline.js';
import { startRecordedServer } from '../support/ingest/recorded-server.js';
import { startLocalStore } from '../support/ingest/local-store.js';

const RECORDED = ['DFF', 'DFEDTARU', 'DGS2', 'NASDAQCOM', 'CPIAUCSL', 'GDPC1', 'CPIAUCNS', 'FEDFUNDS', 'A191RL1Q225SBEA'];
const ids = Array.from({ length: 50 }, (_, i) => `B${String(i + 1).padStart(2, '0')}_${RECORDED[i % RECORDED.length]}`);
const server = await startRecordedServer({ alias: (id) => id.replace(/^B\d+_/, '') });
const local = await startLocalStore();
const env = { FRED_API_URL: `${server.url}/fred`, FRED_API_KEY: 'bench' };

const t0 = performance.now();
const batches = await fetchJob({ kind: 'fred', series: ids, vintages: true }, env);
const t1 = performance.now();
const outcomes = await ingest(local.store, 'fred', batches);
const t2 = performance.now();
const points = outcomes.reduce((n, o) => n + o.pointsAdded, 0);
const secs = (t2 - t0) / 1000;
console.log(`50 FRED series, ${points} points (all vintages) in ${secs.toFixed(2)} s: ${Math.round(points / secs)} points/s`);
console.log(`  fetch+parse ${((t1 - t0) / 1000).toFixed(2)} s (${server.requests.length} HTTP requests), store ${((t2 - t1) / 1000).toFixed(2)} s (${local.store.stats.requests} DynamoDB requests)`);
const t3 = performance.now();
const again = await ingest(local.store, 'fred', batches);
console.log(`  re-run with the same input: ${again.reduce((n, o) => n + o.pointsAdded, 0)} points written in ${((performance.now() - t3) / 1000).toFixed(2)} s`);
await server.close();
await local.close();
