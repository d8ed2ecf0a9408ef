import { fork, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';

// The embedded store (dynalite) in a child process the local server watches: a left-running
// `npm start` must survive weeks. The child's JavaScript heap is capped, so memory the store holds
// cannot grow without bound in the server; if the child exits (a crash, the cap reached) or stops
// answering, it is restarted on the same port, with a message saying what happened, and the server's
// clients (which name that port) carry on. Data persisted on disk survives a restart; an in-memory
// store (tests) starts empty again, and the caller is told so through `onRestart`.

/** Marks the supervisor's own health checks, which the store does not count as traffic (dynalite-process.mjs). */
const HEALTH_HEADER = 'x-tide-health-check';

export interface SupervisorOptions {
  /** LevelDB folder; omitted = in memory. */
  path?: string;
  port?: number;
  /** The child's V8 old-space cap (TIDE_STORE_MAX_HEAP_MB, default 512 MB). */
  maxHeapMb?: number;
  /** How often the store is asked whether it answers (TIDE_STORE_HEALTH_MS, default 5 s; 0 = never). */
  healthIntervalMs?: number;
  /** How long one health check waits (default 2 s). */
  healthTimeoutMs?: number;
  /** Failed checks in a row before the store is restarted (default 3). */
  healthFailures?: number;
  /**
   * The store's resident memory (RSS) above which it is restarted to give memory back, once it has run
   * `minUptimeMs` (TIDE_STORE_MAX_RSS_MB, default 1,024 MB). The store's own JavaScript heap stays far
   * below its cap; what grows is LevelDB's native memory (caches, buffers), which only a restart returns.
   */
  maxRssMb?: number;
  /** How long a store runs before it may be restarted for its memory (default 10 minutes), so a bound set too low cannot make it restart over and over. */
  minUptimeMs?: number;
  /**
   * How long the store must have answered no request before it is restarted for its memory (default
   * 2 s): a planned restart waits for a pause, so it never cuts a load or an ingest run in the middle.
   */
  quietMs?: number;
  /** Where the supervisor says what it did (default: stderr). */
  log?: (message: string) => void;
  /** After a restart, once the store answers again (to recreate the table, say). */
  onRestart?: () => Promise<void>;
}

export interface SupervisedStore {
  endpoint: string;
  /** The store process now (tests stop it to see it brought back). */
  readonly pid: number | undefined;
  readonly restarts: number;
  close(): Promise<void>;
}

const envMs = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return process.env[name] && Number.isFinite(n) && n >= 0 ? n : fallback;
};

export async function startSupervisedStore(opts: SupervisorOptions = {}): Promise<SupervisedStore> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const maxHeapMb = opts.maxHeapMb ?? envMs('TIDE_STORE_MAX_HEAP_MB', 512);
  const healthIntervalMs = opts.healthIntervalMs ?? envMs('TIDE_STORE_HEALTH_MS', 5_000);
  const healthTimeoutMs = opts.healthTimeoutMs ?? 2_000;
  const healthFailures = opts.healthFailures ?? 3;
  const maxRssMb = opts.maxRssMb ?? envMs('TIDE_STORE_MAX_RSS_MB', 1024);
  const minUptimeMs = opts.minUptimeMs ?? 600_000;
  const quietMs = opts.quietMs ?? 2_000;
  let startedAt = Date.now();
  let child: ChildProcess | undefined;
  let port = opts.port ?? 0;
  let closing = false;
  let restarts = 0;
  let restarting: Promise<void> | undefined;
  let failures = 0;

  const spawnOnce = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const c = fork(new URL('./dynalite-process.mjs', import.meta.url), [], {
        execArgv: [`--max-old-space-size=${maxHeapMb}`],
        env: { ...process.env, TIDE_DYNALITE_PATH: opts.path ?? '', TIDE_DYNALITE_PORT: String(port) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const fail = (why: string) => reject(new Error(`the local store (dynalite) did not start: ${why}`));
      c.once('error', (e) => fail(e.message));
      c.once('exit', (code, signal) => fail(`it exited (${signal ?? `code ${code}`}) before listening`));
      c.once('message', (msg: { port?: number; error?: string }) => {
        if (!msg.port) return fail(msg.error ?? 'no port');
        c.removeAllListeners('exit');
        c.removeAllListeners('error');
        port = msg.port;
        resolve(c);
      });
    });

  const watch = (c: ChildProcess) => {
    c.once('exit', (code, signal) => {
      if (closing || c !== child) return;
      void restart(`exited (${signal ? `signal ${signal}` : `code ${code}`}${signal === 'SIGABRT' || code === 134 ? `: its memory cap of ${maxHeapMb} MB was reached` : ''})`);
    });
  };

  /** Restarts the store; `graceful` lets it close its files first (a memory restart), else it is killed (it is gone or hung). */
  const restart = (why: string, graceful = false): Promise<void> => {
    restarting ??= (async () => {
      const old = child;
      log(`Tide's local store (dynalite, pid ${old?.pid}) ${why}; restarting it on port ${port}. Until it answers, requests are refused with SERVICE_UNAVAILABLE.`);
      if (old && old.exitCode === null && old.signalCode === null) await stop(old, graceful);
      const started = Date.now();
      for (let attempt = 0; !closing; attempt++) {
        try {
          child = await spawnOnce();
          watch(child);
          startedAt = Date.now();
          restarts++;
          failures = 0;
          await opts.onRestart?.();
          log(
            `Tide's local store is answering again on port ${port} (pid ${child.pid}, restart ${restarts}, after ${((Date.now() - started) / 1000).toFixed(1)} s)${opts.path ? '' : '; it was in memory, so it started empty'}.`,
          );
          return;
        } catch (e) {
          const wait = Math.min(30_000, 250 * 2 ** attempt);
          log(`Tide's local store could not be restarted (${(e as Error).message}); trying again in ${(wait / 1000).toFixed(1)} s.`);
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    })().finally(() => (restarting = undefined));
    return restarting;
  };

  child = await spawnOnce();
  watch(child);
  const endpoint = `http://127.0.0.1:${port}`;

  const timer =
    healthIntervalMs > 0
      ? setInterval(() => {
          if (restarting || closing) return;
          const c = child;
          void answers(endpoint, healthTimeoutMs).then(async (why) => {
            if (restarting || closing || c !== child) return;
            if (why !== null) {
              if (++failures >= healthFailures) void restart(`did not answer ${failures} health checks in a row (last: ${why})`);
              return;
            }
            failures = 0;
            const memory = c ? await memoryOf(c, healthTimeoutMs) : undefined;
            if (memory === undefined || restarting || closing || c !== child) return;
            const { rss, quietFor } = memory;
            if (rss > maxRssMb * 1048576 && Date.now() - startedAt >= minUptimeMs && quietFor >= quietMs) {
              void restart(`holds ${(rss / 1048576).toFixed(0)} MB, over its bound of ${maxRssMb} MB (TIDE_STORE_MAX_RSS_MB)`, true);
            }
          });
        }, healthIntervalMs)
      : undefined;
  timer?.unref();

  return {
    endpoint,
    get pid() {
      return child?.pid;
    },
    get restarts() {
      return restarts;
    },
    async close() {
      closing = true;
      if (timer) clearInterval(timer);
      await restarting?.catch(() => undefined);
      const c = child;
      if (c && c.exitCode === null && c.signalCode === null) await stop(c, true);
    },
  };
}

/** Stops a store process: asked to close its files first when `graceful` (killed after 5 s), else killed. */
async function stop(c: ChildProcess, graceful: boolean): Promise<void> {
  const exited = new Promise((r) => c.once('exit', r));
  if (graceful && c.connected) c.send('close');
  else c.kill('SIGKILL');
  const forced = setTimeout(() => c.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(forced);
}

/** The store's RSS in bytes and how long (ms) it has answered no request. */
interface StoreMemory {
  rss: number;
  quietFor: number;
}

/** The store's memory and quiet time, asked over its IPC channel; undefined when it does not say in time. */
function memoryOf(c: ChildProcess, timeoutMs: number): Promise<StoreMemory | undefined> {
  if (!c.connected) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const onMessage = (msg: { rss?: number; quietMs?: number }) => {
      if (typeof msg?.rss !== 'number') return;
      done({ rss: msg.rss, quietFor: msg.quietMs ?? 0 });
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done = (v: StoreMemory | undefined) => {
      clearTimeout(timer);
      c.off('message', onMessage);
      resolve(v);
    };
    c.on('message', onMessage);
    c.send('memory');
  });
}

/** Null when the store gives any HTTP answer in time, else why not. */
function answers(endpoint: string, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const req = request(
      endpoint,
      { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables', [HEALTH_HEADER]: '1' }, timeout: timeoutMs },
      (res) => {
        res.resume();
        res.once('end', () => resolve(null));
      },
    );
    req.once('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.once('error', (e) => resolve(e.message));
    req.end('{"Limit":1}');
  });
}
