import { Retry } from '@smithy/core/retry';
import { DEFAULT_MAX_ATTEMPTS } from '../../api/store/table.js';
import { EventQueue } from './event-queue.js';
import { PartitionMeter, readUnits } from './partition-meter.js';
import { PRICES } from './prices.js';
import { rng, type SeriesInfo, type Workbook } from './workload.js';

// A discrete-event model of the market open: each workbook's requests go (through CloudFront, when
// there is one, for a pinned workbook's GETs) to API Gateway, to a Lambda container (a new one, cold, when none is idle), whose
// handler makes the DynamoDB calls the real code makes, against PartitionMeter's per-partition limits,
// retrying throttled calls as the AWS SDK does. Simulated time: the whole morning runs in seconds.

export interface ModelOptions {
  cache: boolean;
  cdn: boolean;
  /**
   * A pinned workbook's cells as the add-in sends them: cacheable GETs, each a list of indexes into
   * `book.cells` (the add-in's own chunking, get-chunks.ts), with `query` naming the GET's query text
   * (the persisted query's hash). Without it a pinned workbook is one request, as an unpinned one.
   */
  getChunks?: (book: Workbook) => { cells: number[]; query: string }[];
  /** Requests the add-in keeps in flight at once (its maxConcurrentRequests). */
  clientConcurrency?: number;
  /** ReadCache's version TTL. */
  versionTtlMs: number;
  /** The key verifier's cache per container. */
  keyCacheMs: number;
  /** Handler CPU time for one request with everything cached, as measured on this machine. */
  computeMs: number;
  /** Extra handler CPU per KB of chunks decoded (reads that miss the cache, or every read without it). */
  decodeMsPerKb: number;
  /** Lambda CPU at 1,024 MB is about 0.58 of a vCPU: measured CPU times are multiplied by this. */
  cpuScale: number;
  coldStartMs: number;
  /** Size of an API key item, read once per key per container per keyCacheMs. */
  keyItemBytes: number;
  memoryMb: number;
  apiGatewayMs: number;
  edgeMs: number;
  dynamoBaseMs: number;
  dynamoMsPerKb: number;
  /** The DynamoDB client's attempts per call, and its throttling backoff base (the SDK's standard strategy: full jitter, capped at 20 s). */
  maxAttempts: number;
  throttleBaseMs: number;
  seed: number;
  /** Provisioned concurrency: containers initialised before the open (caches empty), paid for `provisionedMinutes`. */
  provisioned?: number;
  provisionedMinutes?: number;
  /** What a provisioned container's first request still costs: its code runs for the first time (measured). */
  firstRequestMs?: number;
}

export const AWS_LIKE: Omit<ModelOptions, 'cache' | 'cdn' | 'computeMs' | 'decodeMsPerKb' | 'coldStartMs' | 'keyItemBytes'> = {
  versionTtlMs: 1_000,
  keyCacheMs: 60_000,
  cpuScale: 1.7,
  memoryMb: 1024,
  apiGatewayMs: 6,
  edgeMs: 12,
  dynamoBaseMs: 4,
  dynamoMsPerKb: 0.02,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  throttleBaseMs: Retry.throttlingDelay(),
  seed: 1,
};

export interface ModelResult {
  requests: number;
  failed: number;
  throttledCalls: number;
  throttledRequests: number;
  p50: number;
  p99: number;
  coldStarts: number;
  peakConcurrency: number;
  edgeHits: number;
  /** HTTP requests the add-ins sent (a pinned workbook behind the CDN sends one GET per chunk, plus a POST after each APQ miss). */
  clientRequests: number;
  /** GETs whose persisted query the container did not know: answered PERSISTED_QUERY_NOT_FOUND, then sent again as POST. */
  apqMisses: number;
  readUnits: number;
  /** The most read units one partition served in one second, and which. */
  hottest: { partition: string; units: number };
  cost: { lambda: number; provisioned: number; dynamo: number; httpApi: number; cloudfront: number; total: number };
  costPer1000: number;
  egressPer1000: number;
}

interface Container {
  busy: boolean;
  /** Provisioned and not yet used: initialised, but its first request runs cold code. */
  fresh?: boolean;
  versions: Map<string, number>; // series → when its version was last read
  metas: Set<string>;
  chunks: Set<string>; // `${id}|${year}`
  keys: Map<number, number>;
  /** Persisted queries this container has seen (Apollo's in-memory APQ cache). */
  queries: Set<string>;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

export function runModel(books: Workbook[], catalog: Map<string, SeriesInfo>, responseBytes: number, opts: ModelOptions): ModelResult {
  const q = new EventQueue();
  const meter = new PartitionMeter();
  const random = rng(opts.seed);
  const idle: Container[] = [];
  let containers = 0,
    busy = 0,
    peak = 0,
    coldStarts = 0,
    failed = 0,
    throttledCalls = 0,
    edgeHits = 0;
  let billedMs = 0,
    originRequests = 0,
    edgeRequests = 0,
    clientRequests = 0,
    apqMisses = 0;
  const latencies: number[] = [];
  const perSecond = new Map<string, number>();
  const throttledBooks = new Set<Workbook>();
  const edge = new Map<string, { done: boolean; waiting: ((t: number, kept: boolean) => void)[] }>();
  for (let i = 0; i < (opts.provisioned ?? 0); i++) idle.push({ busy: false, fresh: true, versions: new Map(), metas: new Set(), chunks: new Set(), keys: new Map(), queries: new Set() });
  containers = idle.length;

  /** One DynamoDB call: metered when it reaches the table, retried with the SDK's backoff when throttled. */
  const call = (t: number, book: Workbook, partition: string, bytes: number, consistent: boolean, done: (t: number) => void, fail: (t: number) => void) => {
    const units = readUnits(bytes, consistent);
    const attempt = (n: number) => (now: number) => {
      if (meter.consume(partition, 'read', units, now)) {
        const second = `${partition}|${Math.floor(now / 1000)}`;
        perSecond.set(second, (perSecond.get(second) ?? 0) + units);
        q.at(now + opts.dynamoBaseMs + (bytes / 1024) * opts.dynamoMsPerKb, done);
        return;
      }
      throttledCalls++;
      throttledBooks.add(book);
      if (n >= opts.maxAttempts) return q.at(now + opts.dynamoBaseMs, fail);
      q.at(now + opts.dynamoBaseMs + random() * Math.min(20_000, opts.throttleBaseMs * 2 ** n), attempt(n + 1));
    };
    q.at(t, attempt(1));
  };

  /** The reads one series of one request makes, as the handler makes them, then `done`. */
  const readSeries = (t: number, book: Workbook, c: Container, id: string, cells: Book['cells'], done: (t: number, kb: number) => void, fail: (t: number) => void) => {
    const s = catalog.get(id)!;
    const pk = `S#${id}`;
    const bytesOf = (a: number, b: number) => [...s.chunkBytes].filter(([y]) => y >= a && y <= b).reduce((n, [, v]) => n + v, 0);
    if (!opts.cache) {
      // metadata, then one Query per distinct span of years (request-level sharing), all eventually consistent
      call(
        t,
        book,
        pk,
        s.metaBytes,
        false,
        (t1) => {
          const spans = [...new Set(cells.map((x) => `${x.fromYear}|${x.toYear}`))].map((k) => k.split('|').map(Number));
          let left = spans.length,
            end = t1,
            kb = 0;
          for (const [a, b] of spans) {
            kb += bytesOf(a, b) / 1024;
            call(
              t1,
              book,
              pk,
              bytesOf(a, b),
              false,
              (t2) => {
                end = Math.max(end, t2);
                if (--left === 0) done(end, kb);
              },
              fail,
            );
          }
        },
        fail,
      );
      return;
    }
    const afterVersion = (t1: number) => {
      const afterMeta = (t2: number) => {
        const years = [...new Set(cells.flatMap((x) => [...s.chunkBytes.keys()].filter((y) => y >= x.fromYear && y <= x.toYear)))].sort((a, b) => a - b);
        const missing = years.filter((y) => !c.chunks.has(`${id}|${y}`));
        if (!missing.length) return done(t2, 0);
        const bytes = bytesOf(missing[0], missing[missing.length - 1]);
        call(
          t2,
          book,
          pk,
          bytes,
          false,
          (t3) => {
            for (const y of missing) c.chunks.add(`${id}|${y}`);
            done(t3, bytes / 1024);
          },
          fail,
        );
      };
      if (c.metas.has(id)) return afterMeta(t1);
      call(
        t1,
        book,
        pk,
        s.metaBytes,
        false,
        (t2) => {
          c.metas.add(id);
          afterMeta(t2);
        },
        fail,
      );
    };
    const seen = c.versions.get(id);
    if (seen !== undefined && t - seen < opts.versionTtlMs) return afterVersion(t);
    c.versions.set(id, t);
    call(t, book, pk, s.versionBytes, true, afterVersion, fail);
  };

  type Book = Workbook;
  const finish = (book: Book, start: number) => (t: number) => latencies.push(t - start);

  /**
   * API Gateway → a container → key check → every series of `cells` in parallel → compute → answer.
   * `persisted`: the persisted query (APQ) the request names; without the query text (a GET), a
   * container that has not seen it answers PERSISTED_QUERY_NOT_FOUND at once (`answered` with
   * `missed`); with it (the POST the add-in sends then), the container learns it.
   */
  const origin = (book: Book, cells: Book['cells'], t: number, answered: (t: number, ok: boolean, missed?: boolean) => void, persisted?: { query: string; included: boolean }) => {
    originRequests++;
    const t0 = t + opts.apiGatewayMs;
    let c = idle.pop();
    let ready = t0;
    if (!c) {
      c = { busy: false, versions: new Map(), metas: new Set(), chunks: new Set(), keys: new Map(), queries: new Set() };
      containers++;
      coldStarts++;
      ready = t0 + opts.coldStartMs;
      billedMs += opts.coldStartMs;
    }
    if (c.fresh) {
      c.fresh = false;
      ready = t0 + (opts.firstRequestMs ?? 0);
      billedMs += opts.firstRequestMs ?? 0;
    }
    const container = c;
    container.busy = true;
    peak = Math.max(peak, ++busy);
    const release = (end: number, ok: boolean, missed?: boolean) => {
      billedMs += end - ready;
      q.at(end, () => {
        container.busy = false;
        busy--;
        idle.push(container);
      });
      answered(end + opts.apiGatewayMs, ok, missed);
    };
    const run = (t1: number) => {
      if (persisted && !persisted.included && !container.queries.has(persisted.query)) {
        apqMisses++;
        return release(t1 + 1, true, true); // Apollo looks the hash up before parsing anything
      }
      if (persisted) container.queries.add(persisted.query);
      const byId = new Map<string, Book['cells']>();
      for (const cell of cells) byId.set(cell.id, [...(byId.get(cell.id) ?? []), cell]);
      let left = byId.size,
        end = t1,
        kb = 0,
        broken = false;
      for (const [id, cells] of byId) {
        readSeries(
          t1,
          book,
          container,
          id,
          cells,
          (t2, k) => {
            end = Math.max(end, t2);
            kb += k;
            // computeMs was measured for a whole workbook: a GET of some of its cells costs its share
            if (--left === 0 && !broken) release(end + (opts.computeMs * (cells.length / book.cells.length) + kb * opts.decodeMsPerKb) * opts.cpuScale, true);
          },
          (t2) => {
            if (broken) return;
            broken = true;
            release(t2, false);
          },
        );
      }
    };
    const keySeen = container.keys.get(book.key);
    if (keySeen !== undefined && ready - keySeen < opts.keyCacheMs) q.at(ready, run);
    else {
      container.keys.set(book.key, ready);
      q.at(ready, (t1) => call(t1, book, `APIKEY#${book.key}`, opts.keyItemBytes, false, run, (t2) => release(t2, false)));
    }
  };

  /** A GET to the origin; after an APQ miss the add-in sends the POST with the query, which teaches that container the hash. */
  const getFromOrigin = (book: Book, cells: Book['cells'], query: string, t: number, done: (end: number, ok: boolean, kept: boolean) => void) =>
    origin(
      book,
      cells,
      t,
      (end, ok, missed) => {
        if (!missed) return done(end, ok, ok);
        clientRequests++;
        // PERSISTED_QUERY_NOT_FOUND back through the edge, and the POST out through it (not kept)
        origin(book, cells, end + 2 * opts.edgeMs, (e2, ok2) => done(e2, ok2, false), { query, included: true });
      },
      { query, included: false },
    );

  /** One cacheable GET of a pinned workbook, through CloudFront (its cache key: the URL and the API key). */
  const viaEdge = (book: Book, index: number, cells: Book['cells'], query: string, t: number, done: (end: number, ok: boolean) => void) => {
    clientRequests++;
    edgeRequests++;
    const key = `${book.key}|${book.template}|${index}`;
    const held = edge.get(key);
    if (held?.done) {
      edgeHits++;
      return done(t + opts.edgeMs, true);
    }
    if (held) {
      // CloudFront collapses concurrent requests for one cache key into one to the origin; if that
      // answer may not be kept (an APQ miss), each waiting request goes on to the origin itself.
      return held.waiting.push((end, kept) => {
        if (kept) {
          edgeHits++;
          return done(end + opts.edgeMs, true);
        }
        getFromOrigin(book, cells, query, end, (e2, ok2) => done(e2 + opts.edgeMs, ok2));
      });
    }
    const entry = { done: false, waiting: [] as ((t: number, kept: boolean) => void)[] };
    edge.set(key, entry);
    getFromOrigin(book, cells, query, t + opts.edgeMs, (end, ok, kept) => {
      entry.done = kept;
      if (!kept) edge.delete(key);
      for (const w of entry.waiting) w(end, kept);
      done(end + opts.edgeMs, ok);
    });
  };

  for (const book of books) {
    q.at(book.openAtMs, (t) => {
      const done = (end: number, ok: boolean) => {
        if (!ok) failed++;
        finish(book, t)(end);
      };
      const chunks = opts.cdn && book.pinned && opts.getChunks ? opts.getChunks(book) : undefined;
      if (!chunks) {
        clientRequests++;
        return origin(book, book.cells, t, done);
      }
      // The add-in's limiter: at most clientConcurrency GETs in flight; the workbook is shown when the last answers.
      let next = 0,
        left = chunks.length,
        allOk = true,
        end = t;
      const sendNext = (at: number) => {
        const i = next++;
        if (i >= chunks.length) return;
        viaEdge(
          book,
          i,
          chunks[i].cells.map((k) => book.cells[k]),
          chunks[i].query,
          at,
          (e, ok) => {
            allOk &&= ok;
            end = Math.max(end, e);
            if (--left === 0) done(end, allOk);
            else sendNext(e);
          },
        );
      };
      for (let k = 0; k < Math.min(opts.clientConcurrency ?? 2, chunks.length); k++) sendNext(t);
    });
  }
  q.run();

  latencies.sort((a, b) => a - b);
  let hottest = { partition: '', units: 0 };
  for (const [k, units] of perSecond) if (units > hottest.units) hottest = { partition: k.split('|')[0], units };
  const gbSeconds = (billedMs / 1000) * (opts.memoryMb / 1024);
  const cost = {
    lambda: gbSeconds * PRICES.lambdaGbSecond + originRequests * PRICES.lambdaRequest,
    // Billed per 5 minutes; duration on provisioned containers is billed at the on-demand rate above (it is cheaper: an overstatement).
    provisioned: (opts.provisioned ?? 0) * (opts.memoryMb / 1024) * Math.ceil((opts.provisionedMinutes ?? 0) / 5) * 300 * PRICES.lambdaProvisionedGbSecond,
    dynamo: meter.stats.readUnits * PRICES.dynamoReadUnit,
    httpApi: originRequests * PRICES.httpApiRequest,
    cloudfront: edgeRequests * PRICES.cloudfrontRequest,
    total: 0,
  };
  cost.total = cost.lambda + cost.provisioned + cost.dynamo + cost.httpApi + cost.cloudfront;
  const egress = (books.length * responseBytes) / 1e9;
  return {
    requests: books.length,
    failed,
    throttledCalls,
    throttledRequests: throttledBooks.size,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    coldStarts,
    peakConcurrency: peak,
    edgeHits,
    clientRequests,
    apqMisses,
    readUnits: meter.stats.readUnits,
    hottest,
    cost,
    costPer1000: (cost.total / books.length) * 1000,
    egressPer1000: ((egress * (opts.cdn ? PRICES.cloudfrontEgressGb : PRICES.apiEgressGb)) / books.length) * 1000,
  };
}
