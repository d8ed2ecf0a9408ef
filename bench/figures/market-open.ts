import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { lambdaContext, toLambdaEvent } from '../../api/local/lambda-event.js';
import { createTable } from '../../api/store/sdk-table.js';
import { decodeChunkColumns } from '../../api/store/chunk-codec.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { startTestStore } from '../../support/local-store.js';
import { ms, times, type Row } from '../harness.js';
import { itemSize } from '../model/item-size.js';
import { AWS_LIKE, runModel, type ModelOptions, type ModelResult } from '../model/market-open-model.js';
import { describePrices, PRICES } from '../model/prices.js';
import { startThroughputProxy } from '../model/throughput-proxy.js';
import { MARKET_OPEN, marketOpen, PINNED_AS_OF, type SeriesInfo, type Workbook } from '../model/workload.js';
import { measuredColdInit } from './lambda-bundle.js';
import { chunkForGet } from '../../addin/src/client/get-chunks.js';
import { fieldCall } from '../../addin/src/client/operation.js';
import { buildBatchQuery, callKey, type FieldCall } from '../../addin/src/client/query.js';
import { MAX_GET_URL_BYTES } from '../../addin/src/client/transport.js';
import { DEFAULT_OPTIONS } from '../../addin/src/client/options.js';
import { SeriesObservations } from '../../addin/src/generated/operations.js';

const TABLE = 'tide-bench-open';
const ASSUMED_COLD_INIT_MS = 450;

/** The GraphQL request the add-in sends for one workbook: every cell one aliased field. */
function workbookQuery(book: Workbook): string {
  const asOf = book.pinned ? `, asOf: "${PINNED_AS_OF}"` : '';
  return `{ ${book.cells.map((c, i) => `c${i}: series(id: "${c.id}") { observations(from: "${c.from}", to: "${c.to}"${asOf}) { dates values } }`).join(' ')} }`;
}

/** A CloudFront distribution's address, as the add-in's API URL: its length counts in the GET URL. */
const CDN_URL = 'https://d111111abcdef8.cloudfront.net/graphql';

/**
 * A pinned workbook's cells as the add-in sends them behind the CDN: its own chunking into cacheable
 * GETs of at most 8,192 bytes (get-chunks.ts), each with the query text its persisted-query hash names.
 * The same for every copy of a template, so kept per template.
 */
function addinGetChunks(): (book: Workbook) => { cells: number[]; query: string }[] {
  const byTemplate = new Map<string, { cells: number[]; query: string }[]>();
  return (book) => {
    const key = `${book.key}|${book.template}`;
    let chunks = byTemplate.get(key);
    if (!chunks) {
      // Cells asking exactly the same are one call (the batching client asks each distinct call once).
      const distinct = new Map<string, { call: FieldCall; cells: number[] }>();
      book.cells.forEach((c, index) => {
        const call = fieldCall(SeriesObservations, { id: c.id, from: c.from, to: c.to, asOf: PINNED_AS_OF });
        const k = callKey(call);
        if (distinct.has(k)) distinct.get(k)!.cells.push(index);
        else distinct.set(k, { call, cells: [index] });
      });
      chunks = chunkForGet([...distinct.values()], CDN_URL, MAX_GET_URL_BYTES, DEFAULT_OPTIONS.maxFieldsPerRequest).map((chunk) => ({
        cells: chunk.flatMap((i) => i.cells),
        query: buildBatchQuery(chunk.map((i) => i.call)).query,
      }));
      byTemplate.set(key, chunks);
    }
    return chunks;
  };
}

/** Median CPU time (user + system) of `fn`: unlike wall time on a shared machine, it leaves out waiting for a core. */
async function cpuMedianMs(fn: () => unknown, runs: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(start);
    out.push((used.user + used.system) / 1000);
  }
  return out.sort((a, b) => a - b)[runs >> 1];
}

const dollars = (n: number): string => `$${n.toFixed(4)}`;
const summary = (r: ModelResult): string => `${r.throttledRequests} throttled (${r.throttledCalls} calls), ${r.failed} failed, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}, ${dollars(r.costPer1000)}/1k`;

/**
 * 10,000 workbooks opening within a minute of 9:30, through a model of API Gateway, Lambda and
 * DynamoDB's per-partition limits (bench/model), driven by inputs measured here on the real handler
 * and the real bundled dataset in dynalite: item sizes, handler CPU, chunk decoding, cold init, and a
 * check that the model's read units per request match a real request through the throughput proxy.
 */
export async function marketOpenFigures(): Promise<Row[]> {
  const t = await startTestStore(TABLE);
  const proxy = await startThroughputProxy(t.endpoint);
  try {
    await loadBundled(t.store, 'data');
    const { key } = await new ApiKeyStore(t.store.table, TABLE).create('bench');

    // Item sizes, by DynamoDB's rules, from the stored items themselves.
    const scanned: Record<string, any>[] = [];
    let start: Record<string, any> | undefined;
    do {
      const page = await t.client.send(new ScanCommand({ TableName: TABLE, ExclusiveStartKey: start }));
      scanned.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const info = new Map<string, SeriesInfo>();
    const docs: Record<string, unknown>[] = [];
    let keyItemBytes = 0;
    for (const item of scanned) {
      const pk = String(item.pk.S);
      if (pk.startsWith('APIKEY#')) keyItemBytes = itemSize(item as never);
      if (!pk.startsWith('S#')) continue;
      const id = pk.slice(2);
      let s = info.get(id);
      if (!s) info.set(id, (s = { id, chunkBytes: new Map(), metaBytes: 0, versionBytes: 0, lastDate: '' }));
      const bytes = itemSize(item as never);
      const sk = String(item.sk.S);
      if (sk === 'META') {
        s.metaBytes = bytes;
        s.lastDate = String(item.lastDate?.S ?? '');
      } else if (sk === 'VERSION') s.versionBytes = bytes;
      else if (sk.startsWith('C#')) {
        s.chunkBytes.set(Number(sk.slice(2)), bytes);
        docs.push({ revs: item.revs.S });
      }
    }
    // What each series' last observation was on the pinned date, asked of the real handler.
    const ids = [...info.keys()];
    const knownThen = (await createGraphqlHandler(t.store, { cache: false })(
      toLambdaEvent({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: Buffer.from(JSON.stringify({ query: `{ ${ids.map((id, i) => `s${i}: series(id: "${id}") { latest(asOf: "${PINNED_AS_OF}") { date } }`).join(' ')} }` })),
        sourceIp: '127.0.0.1',
      }),
      lambdaContext('bench'),
    )) as APIGatewayProxyStructuredResultV2;
    const latest = (JSON.parse(knownThen.body!) as { data: Record<string, { latest: { date: string } | null } | null> }).data;
    ids.forEach((id, i) => (info.get(id)!.pinnedLastDate = latest[`s${i}`]?.latest?.date));
    // Popularity: the biggest (daily) series first, the worst case for a hot partition.
    const series = [...info.values()].filter((s) => s.chunkBytes.size > 0 && s.lastDate).sort((a, b) => Math.max(...b.chunkBytes.values()) - Math.max(...a.chunkBytes.values()));
    const books = marketOpen(series, MARKET_OPEN);
    const sample = books[0];
    const event = (book: Workbook) =>
      toLambdaEvent({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: Buffer.from(JSON.stringify({ query: workbookQuery(book) })),
        sourceIp: '127.0.0.1',
      });
    const invoke = async (handler: ReturnType<typeof createGraphqlHandler>, book: Workbook) => {
      const out = (await handler(event(book), lambdaContext('bench'), () => undefined)) as APIGatewayProxyStructuredResultV2;
      if (out.statusCode !== 200 || out.body?.includes('"errors"')) throw new Error(`workbook request failed: ${out.body?.slice(0, 300)}`);
      return out.body!.length;
    };

    // Handler CPU with everything cached, and chunk decoding per KB, both measured.
    process.env.TIDE_MAX_COMPLEXITY = '100000';
    const warm = createGraphqlHandler(t.store, { cache: { versionTtlMs: 3_600_000 } });
    const responseBytes = await invoke(warm, sample);
    const computeMs = await cpuMedianMs(() => invoke(warm, sample), 15, 3);
    const totalKb = docs.reduce((n, d) => n + String(d.revs).length, 0) / 1024;
    const decodeAll = await cpuMedianMs(() => docs.forEach((d) => decodeChunkColumns(d)), 9, 2);
    const decodeMsPerKb = decodeAll / totalKb;

    // The model's read units for one request, against a real request metered by the proxy.
    const proxied = new SeriesStore({ table: createTable({ endpoint: proxy.endpoint }), tableName: TABLE });
    const realUnits = async (opts: Parameters<typeof createGraphqlHandler>[1]) => {
      const handler = createGraphqlHandler(proxied, opts);
      const before = proxy.meter.stats.readUnits;
      await invoke(handler, sample);
      return proxy.meter.stats.readUnits - before;
    };
    const realNoCache = await realUnits({ cache: false });
    const realColdCache = await realUnits({});
    proxied.table.destroy();

    const coldStartMs = measuredColdInit.ms ?? ASSUMED_COLD_INIT_MS;
    const getChunks = addinGetChunks();
    const base: ModelOptions = { ...AWS_LIKE, cache: false, cdn: false, computeMs, decodeMsPerKb, coldStartMs, keyItemBytes, getChunks, clientConcurrency: DEFAULT_OPTIONS.maxConcurrentRequests };
    const pinnedBooks = books.filter((b) => b.pinned);
    const getsPerPinned = pinnedBooks.reduce((n, b) => n + getChunks(b).length, 0) / Math.max(1, pinnedBooks.length);
    const oneNoCache = runModel([sample], info, responseBytes, base).readUnits;
    const oneCache = runModel([sample], info, responseBytes, { ...base, cache: true }).readUnits;
    const none = runModel(books, info, responseBytes, base);
    const cacheOnly = runModel(books, info, responseBytes, { ...base, cache: true });
    const full = runModel(books, info, responseBytes, { ...base, cache: true, cdn: true });
    // What a deployment could add: provisioned concurrency for the open (9:25–9:35), as many containers as the open used.
    const provisioned = Math.ceil(full.peakConcurrency / 10) * 10;
    const firstRequestMs = measuredColdInit.firstRequestMs ?? coldStartMs / 3;
    const pc = runModel(books, info, responseBytes, { ...base, cache: true, cdn: true, provisioned, provisionedMinutes: 10, firstRequestMs });

    const p99Met = full.p99 < 300;
    const assumptions = `${books.length.toLocaleString('en')} workbooks opening within 60 s (exponential, mean ${MARKET_OPEN.meanOpenMs / 1000} s), each ${MARKET_OPEN.cells} cells over ${MARKET_OPEN.seriesPerWorkbook} of ${series.length} bundled series (Zipf popularity, biggest first), ${MARKET_OPEN.keys} keys × ${MARKET_OPEN.templatesPerKey} templates, ${MARKET_OPEN.pinnedShare * 100}% pinned to a past date; an unpinned workbook is one POST, a pinned one behind the CDN is the add-in's cacheable GETs (${getsPerPinned.toFixed(1)} on average, each URL ≤ ${MAX_GET_URL_BYTES.toLocaleString('en')} bytes, ${DEFAULT_OPTIONS.maxConcurrentRequests} at a time, an APQ miss answered and sent again as POST)`;
    return [
      {
        figure: 'market open (model): throttled requests, cache + CDN',
        value: `${full.throttledRequests} (${full.throttledCalls} DynamoDB calls)`,
        baseline: `no cache, no CDN: ${none.throttledRequests} (${none.throttledCalls} calls, ${none.failed} failed)`,
        ratio: '—',
        target: '0',
        met: full.throttledRequests === 0,
        note: `${assumptions}. Hottest partition-second: ${full.hottest.partition} ${full.hottest.units.toFixed(0)} RCU with cache + CDN, ${none.hottest.partition} ${none.hottest.units.toFixed(0)} RCU without (limit 3,000)`,
      },
      { figure: 'market open (model): p50 latency, cache + CDN', value: ms(full.p50), baseline: `no cache, no CDN: ${ms(none.p50)}`, ratio: times(full.p50 / none.p50), target: '—', met: null },
      {
        figure: 'market open (model): p99 latency, cache + CDN',
        value: ms(full.p99),
        baseline: `no cache, no CDN: ${ms(none.p99)}`,
        ratio: times(full.p99 / none.p99),
        target: '< 300 ms',
        met: p99Met,
        note: `${full.coldStarts} cold starts (${ms(coldStartMs)} each${measuredColdInit.ms === undefined ? ', assumed: the lambda bundle figure did not run' : ', CPU time measured above'}), peak concurrency ${full.peakConcurrency}; handler CPU time ${ms(computeMs)} per request measured here × ${AWS_LIKE.cpuScale} for 1,024 MB; ${full.clientRequests.toLocaleString('en')} HTTP requests from the add-ins, ${full.edgeHits.toLocaleString('en')} of them answered by CloudFront, ${full.apqMisses} APQ misses`,
      },
      {
        figure: 'market open (model): cost per 1,000 requests, cache + CDN',
        value: dollars(full.costPer1000),
        baseline: `no cache, no CDN: ${dollars(none.costPer1000)}`,
        ratio: times(full.costPer1000 / none.costPer1000),
        target: '< $0.01',
        met: full.costPer1000 < 0.01,
        note: `Per 1,000 workbook opens (a pinned one is several GETs). ${describePrices(AWS_LIKE.memoryMb)}. Per 1,000 with cache + CDN: Lambda ${dollars((full.cost.lambda / full.requests) * 1000)}, DynamoDB ${dollars((full.cost.dynamo / full.requests) * 1000)} (${(full.readUnits / full.requests).toFixed(1)} RCU/request), HTTP API ${dollars((full.cost.httpApi / full.requests) * 1000)}, CloudFront ${dollars((full.cost.cloudfront / full.requests) * 1000)}. Not included: data transfer out, ${(responseBytes / 1024).toFixed(0)} KB per answer ≈ ${dollars(full.egressPer1000)}/1k`,
      },
      {
        figure: 'market open (model): cache only, no CDN',
        value: summary(cacheOnly),
        baseline: `no cache: ${summary(none)}`,
        ratio: '—',
        target: '0 throttled, p99 < 300 ms, < $0.01',
        met: cacheOnly.throttledRequests === 0 && cacheOnly.p99 < 300 && cacheOnly.costPer1000 < 0.01,
      },
      {
        figure: `market open (model): cache + CDN + provisioned concurrency ${provisioned}, 9:25–9:35`,
        value: `p99 ${ms(pc.p99)}, ${pc.coldStarts} cold starts, ${dollars(pc.costPer1000)}/1k`,
        baseline: `cache + CDN: p99 ${ms(full.p99)}, ${full.coldStarts} cold starts, ${dollars(full.costPer1000)}/1k`,
        ratio: times(pc.p99 / full.p99),
        target: 'p99 < 300 ms, < $0.01',
        met: pc.throttledRequests === 0 && pc.p99 < 300 && pc.costPer1000 < 0.01,
        note: `an option, not deployed by default: provisioned containers have run their init, and their first request still runs code for the first time (${ms(firstRequestMs)}${measuredColdInit.firstRequestMs === undefined ? ', assumed' : ', measured above'}); provisioned concurrency ${dollars((pc.cost.provisioned / pc.requests) * 1000)}/1k of it at $${PRICES.lambdaProvisionedGbSecond}/GB-s (arm64), which 10,000 requests a morning cannot carry under $0.01`,
      },
      {
        figure: 'read units of one workbook request: model vs throughput proxy (real handler, dynalite)',
        value: `model ${oneNoCache} uncached, ${oneCache} cold cache`,
        baseline: `proxy ${realNoCache} uncached, ${realColdCache} cold cache`,
        ratio: times(oneNoCache / realNoCache),
        target: 'equal',
        met: oneNoCache === realNoCache && oneCache === realColdCache,
      },
    ];
  } finally {
    delete process.env.TIDE_MAX_COMPLEXITY;
    await proxy.close();
    await t.close();
  }
}
