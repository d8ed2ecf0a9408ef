import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiKeyStore } from '../auth/key-store.js';
import { loadBundled } from '../dataset/load-bundled.js';
import { migrateStoreOnce } from '../store/migrate-rescales.js';
import { createGraphqlHandler, introspectionFromEnv } from '../handlers/create-handler.js';
import { staleList } from '../handlers/stale-list.js';
import { createTable } from '../store/sdk-table.js';
import { SeriesStore } from '../store/series-store.js';
import { ensureDevelopmentKey } from './dev-key.js';
import { ensureTable, startDynalite, type LocalDynamo } from './dynalite.js';
import type { SupervisorOptions } from './store-supervisor.js';
import { answerClientErrors, createHttpServer, requestListener } from './http-server.js';
import { LOCAL_TABLE, REPO_ROOT, dataPaths, repoPaths } from './paths.js';

export { LOCAL_TABLE } from './paths.js';

export interface LocalServerOptions {
  port?: number;
  /** Where dynalite persists; omitted = in memory (tests). */
  dataDir?: string;
  /** The repository root: holds data/, addin/dist/, dist/ide/ and docs/ (default: this repository). */
  root?: string;
  /** The API key to accept (TIDE_API_KEY); omitted = the one kept under dataDir, or a new one. */
  apiKey?: string;
  /** How long a key lookup is reused, as in a Lambda container (default one minute). */
  keyCacheMs?: number;
  /** Schema introspection; TIDE_INTROSPECTION (as on the Lambda) when omitted, else on. */
  introspection?: boolean;
  /**
   * Also serve everything over https at https://localhost:<port>, as Office requires of add-ins; the
   * add-in's manifest then names this origin on both listeners.
   */
  https?: { port?: number; key: Buffer | string; cert: Buffer | string };
  /** How the embedded store's process is watched (health checks, memory cap; store-supervisor.ts). */
  store?: Omit<SupervisorOptions, 'path' | 'onRestart'>;
}

export interface LocalServer {
  url: string;
  /** https://localhost:<port> when started with `https`. */
  httpsUrl?: string;
  endpoint: string;
  /** The embedded store's process (supervised). */
  dynamo: LocalDynamo;
  store: SeriesStore;
  /** The development key this server accepts (other keys in its table work too). */
  apiKey: string;
  keys: ApiKeyStore;
  loaded: { loaded: boolean; series: number; added: number };
  close(): Promise<void>;
}

/** dynalite + the table from infra/ + the bundled dataset + the Lambda handler over HTTP on loopback. */
export async function startLocalServer(opts: LocalServerOptions = {}): Promise<LocalServer> {
  const paths = opts.dataDir ? dataPaths(opts.dataDir) : undefined;
  const { bundledDataDir } = repoPaths(opts.root);
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  // The store runs in a process of its own, restarted when it exits or stops answering (store-supervisor.ts);
  // after a restart the table is made sure of, and an in-memory store (tests) gets its key and data again.
  let restored: (() => Promise<void>) | undefined;
  const dynamo = await startDynalite({ path: paths?.dynaliteDir, ...opts.store, onRestart: () => restored?.() ?? Promise.resolve() });
  await ensureTable(dynamo.endpoint, LOCAL_TABLE);
  // The client the deployed functions use, so what runs here is what runs there.
  const table = createTable({ endpoint: dynamo.endpoint });
  const store = new SeriesStore({ table, tableName: LOCAL_TABLE });
  const keys = new ApiKeyStore(table, LOCAL_TABLE);
  const apiKey = await ensureDevelopmentKey(keys, opts.apiKey, paths?.devKeyFile).catch(async (err: Error) => {
    table.destroy();
    await dynamo.close();
    throw err;
  });
  // A store written before rescales is moved to them on its own, once (every answer the same).
  await migrateStoreOnce(store);
  const loaded = await loadBundled(store, bundledDataDir);
  restored = async () => {
    await ensureTable(dynamo.endpoint, LOCAL_TABLE);
    if (!paths) {
      await ensureDevelopmentKey(keys, apiKey);
      await loadBundled(store, bundledDataDir);
    }
  };
  const handler = createGraphqlHandler(store, {
    introspection: opts.introspection ?? introspectionFromEnv(true),
    ide: true,
    keyCacheMs: opts.keyCacheMs,
    // Read your own writes: `npm run ingest` writes into this server's store from another process, and a
    // person refreshes a workbook right after. So each request reads each series' version once (one small
    // strongly consistent item; chunks stay cached under it) instead of trusting it for the deployed
    // second: the first request after an ingest answers with it. TIDE_CACHE_VERSION_TTL_MS still sets it.
    cache: { versionTtlMs: localVersionTtlMs() },
  });
  // The site (front page, add-in, IDE, docs) is served from the repository; the IDE always, locally.
  const site = { root: opts.root ?? REPO_ROOT, ide: true, apiKey, staleSeries: staleList(store) };
  const servers: Server[] = [];
  const stopAll = async () => {
    for (const s of servers) await stopListening(s);
    table.destroy();
    await dynamo.close();
  };
  let httpsUrl: string | undefined;
  let http: Server;
  try {
    if (opts.https) {
      // The https listener comes first: its port names the add-in's origin for both listeners.
      const { key, cert, port: httpsPort } = opts.https;
      const secure = answerClientErrors(createHttpsServer({ key, cert }));
      servers.push(secure);
      await listen(secure, httpsPort ?? 0);
      httpsUrl = `https://localhost:${(secure.address() as AddressInfo).port}`;
      secure.on('request', requestListener(handler, { ...site, addinOrigin: httpsUrl }));
    }
    http = createHttpServer(handler, { ...site, addinOrigin: httpsUrl });
    servers.push(http);
    await listen(http, opts.port ?? 0);
  } catch (err) {
    await stopAll();
    throw err;
  }
  const { port } = http.address() as AddressInfo;
  const endpointFile = paths?.endpointFile;
  if (endpointFile) await writeFile(endpointFile, dynamo.endpoint);
  return {
    url: `http://127.0.0.1:${port}`,
    httpsUrl,
    endpoint: dynamo.endpoint,
    dynamo,
    store,
    apiKey,
    keys,
    loaded,
    async close() {
      if (endpointFile) await rm(endpointFile, { force: true });
      await stopAll();
    },
  };
}

/** 0 (check every request) unless TIDE_CACHE_VERSION_TTL_MS says otherwise. */
function localVersionTtlMs(): number {
  const n = Number(process.env.TIDE_CACHE_VERSION_TTL_MS);
  return process.env.TIDE_CACHE_VERSION_TTL_MS && Number.isFinite(n) && n >= 0 ? n : 0;
}

/** Loopback only: the local server is for this machine. */
function listen(server: Server, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function stopListening(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
