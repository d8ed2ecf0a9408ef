// The embedded store runs in its own process, watched by the local server: killed or hung, it is
// restarted on the same port with a message saying so, and the server answers again, instead of
// answering SERVICE_UNAVAILABLE for good with the process still up.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

/** Fast health checks, and the supervisor's messages kept for the test (each test its own). */
function watched() {
  const logs: string[] = [];
  return { logs, store: { healthIntervalMs: 200, healthTimeoutMs: 1000, healthFailures: 2, log: (m: string) => void logs.push(m) } };
}
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers) await c();
});

type Api = Awaited<ReturnType<typeof startApi>>;
const JULY_1 = '{ series(id: "RUT") { observations(from: "2024-07-01", to: "2024-07-01") { values } } }';

/** Asks until the server answers with data again (the store is being restarted meanwhile); the errors seen on the way. */
async function untilAnswered(api: Api): Promise<{ values: number[]; errors: string[] }> {
  const errors: string[] = [];
  for (;;) {
    const res = await api.query(JULY_1).catch((e: Error) => ({ status: 0, errors: [{ message: e.message, extensions: { code: 'FETCH' } }], data: undefined }));
    if (res.data?.series?.observations) return { values: res.data.series.observations.values, errors };
    errors.push(String(res.errors?.[0]?.extensions?.code ?? res.status));
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('the local store, supervised', () => {
  it('killed: restarted on the same port with a message; persisted data and the key still there', { timeout: 60_000 }, async () => {
    const { logs, store } = watched();
    const dataDir = await mkdtemp(join(tmpdir(), 'tide-supervised-'));
    const api = await startApi({ dataDir, store });
    closers.push(async () => {
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    const before = (await untilAnswered(api)).values;
    expect(before).toEqual([2030.0699462890625]); // data/real/rut_daily_yahoo.csv, 2024-07-01
    const first = api.dynamo.pid!;
    logs.length = 0;
    process.kill(first, 'SIGKILL');
    expect((await untilAnswered(api)).values).toEqual(before);
    expect(api.dynamo.pid).not.toBe(first);
    const port = new URL(api.endpoint).port;
    // found by content: on a loaded machine a slow health check may add messages of its own
    expect(logs).toContain(`Tide's local store (dynalite, pid ${first}) exited (signal SIGKILL); restarting it on port ${port}. Until it answers, requests are refused with SERVICE_UNAVAILABLE.`);
    expect(logs.some((m) => new RegExp(`^Tide's local store is answering again on port ${port} \\(pid ${api.dynamo.pid}, restart \\d+, after \\d+\\.\\d s\\)\\.$`).test(m))).toBe(true);

    // hung (stopped, not exited): the health checks notice, and it is replaced
    const second = api.dynamo.pid!;
    logs.length = 0;
    process.kill(second, 'SIGSTOP');
    const { values, errors } = await untilAnswered(api);
    expect(values).toEqual(before);
    expect(
      logs.some((m) =>
        new RegExp(`^Tide's local store \\(dynalite, pid ${second}\\) did not answer 2 health checks in a row \\(last: no answer within 1000 ms\\); restarting it on port ${port}\\.`).test(m),
      ),
    ).toBe(true);
    expect(api.dynamo.pid).not.toBe(second);
    // whatever was refused meanwhile was refused with a code, never left hanging
    expect(errors.every((c) => c === 'SERVICE_UNAVAILABLE' || c === 'INTERNAL_SERVER_ERROR' || c === '503')).toBe(true);
  });

  it('over its memory bound: closed cleanly and restarted, with the figures in the message', { timeout: 60_000 }, async () => {
    const { logs, store } = watched();
    const dataDir = await mkdtemp(join(tmpdir(), 'tide-supervised-'));
    // A bound below what any store holds and no minimum uptime, so the check fires at its first chance:
    // the store is busy loading the bundled dataset then, and the restart must wait for it to go quiet
    // (a restart in the middle failed the load with ECONNREFUSED).
    const api = await startApi({ dataDir, store: { ...store, maxRssMb: 1, minUptimeMs: 0, quietMs: 500 } });
    expect(api.loaded).toMatchObject({ loaded: true });
    closers.push(async () => {
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    });
    const before = (await untilAnswered(api)).values;
    while (api.dynamo.restarts === 0) await new Promise((r) => setTimeout(r, 100));
    const message = logs.find((m) => m.includes('over its bound'));
    const found = new RegExp(
      `^Tide's local store \\(dynalite, pid (\\d+)\\) holds (\\d+) MB, over its bound of 1 MB \\(TIDE_STORE_MAX_RSS_MB\\); restarting it on port ${new URL(api.endpoint).port}\\.`,
    ).exec(message ?? '');
    expect(found, message).not.toBeNull();
    expect(Number(found![2])).toBeGreaterThan(1);
    expect((await untilAnswered(api)).values).toEqual(before);
    expect(api.dynamo.pid).not.toBe(Number(found![1]));
  });

  it('in memory (tests): restarted empty, then given its key and the bundled data again', { timeout: 60_000 }, async () => {
    const { logs, store } = watched();
    const api = await startApi({ store });
    closers.push(() => api.close());
    const before = (await untilAnswered(api)).values;
    logs.length = 0;
    process.kill(api.dynamo.pid!, 'SIGKILL');
    expect((await untilAnswered(api)).values).toEqual(before);
    // its data is back while the rest of the bundled dataset is still loading; the message comes once all of it is
    while (!logs.some((m) => m.startsWith("Tide's local store is answering again"))) await new Promise((r) => setTimeout(r, 100));
    expect(logs.at(-1)).toMatch(/; it was in memory, so it started empty\.$/);
  });
});
