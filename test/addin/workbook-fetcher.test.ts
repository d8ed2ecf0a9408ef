// The workbook's answer cache against a real HTTP GraphQL server on loopback: pinned answers kept
// across restarts and never fetched again, recent ones shown at once while one batch refreshes
// them. A "restart" is a new client and cache over the same storage, as when Excel opens the file again.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AnswerCache } from '../../addin/src/client/answer-cache.js';
import { BatchingClient } from '../../addin/src/client/batching-client.js';
import { memoryStore, type KeyValueStore } from '../../addin/src/client/storage.js';
import { WorkbookFetcher, withPin } from '../../addin/src/client/workbook-fetcher.js';
import { seriesMatrix, valueNumber } from '../../addin/src/functions/series-functions.js';
import { isoToSerial } from '../../addin/src/shared/dates.js';
import reference from './reference/rut_change_reference.json' with { type: 'json' };
import { startContractServer, type ContractServer } from './helpers/contract-server.js';

let server: ContractServer;
beforeAll(async () => {
  server = await startContractServer(reference);
});
afterAll(() => server?.close());

const TODAY = '2024-07-31';

function open(store: KeyValueStore, pin?: string, opts: { now?: () => number; onRefreshed?: (n: number) => void } = {}) {
  // Every request as POST: this file is about the answer cache; how cacheable requests travel (GET,
  // persisted queries) is tested against the real server in transport.test.ts.
  const client = new BatchingClient({ url: server.url, cacheableGet: false });
  const answers = new AnswerCache(store, { now: opts.now, writeDelayMs: 0 });
  const fetcher = new WorkbookFetcher(client, answers, () => pin, opts.onRefreshed, { today: () => TODAY, now: opts.now ?? Date.now });
  const fetch = <T>(call: Parameters<typeof fetcher.fetch>[0]) => fetcher.fetch<T>(call);
  return { client, answers, fetcher, fetch };
}

/** A sheet: SERIES over three ranges and one VALUE, as cells recalculating together. */
function sheet(fetch: ReturnType<typeof open>['fetch']) {
  return Promise.all([
    seriesMatrix(fetch, 'RUT', '2024-07-01', '2024-07-05'),
    seriesMatrix(fetch, 'RUT', '2024-07-08', '2024-07-12'),
    seriesMatrix(fetch, 'RUT', '2024-07-15', '2024-07-19'),
    valueNumber(fetch, 'RUT', '2024-07-16', undefined),
  ]);
}

const close = (d: string) => reference.closes[reference.dates.indexOf(d)];

describe('pinned workbook', () => {
  it("fills every omitted asOf with the pin, and leaves a cell's own asOf alone", () => {
    const call = {
      field: 'series',
      selection: '',
      args: [
        { name: 'id', type: 'ID!', value: 'RUT' },
        { name: 'asOf', type: 'Date', value: undefined, in: 'selection' as const },
      ],
    };
    expect(withPin(call, '2024-07-10').args[1].value).toBe('2024-07-10');
    expect(withPin(call, undefined)).toBe(call);
    const own = { ...call, args: [call.args[0], { ...call.args[1], value: '2024-01-02' }] };
    expect(withPin(own, '2024-07-10').args[1].value).toBe('2024-01-02');
  });

  it('first open: one batch, with the pin as asOf; second open (restart): no request and the same values', async () => {
    const store = memoryStore();
    server.requests.length = 0;
    const first = open(store, '2024-07-20');
    const values = await sheet(first.fetch);
    expect(server.requests).toHaveLength(1);
    const vars = server.requests[0].body.variables;
    expect(
      Object.entries(vars)
        .filter(([k]) => k.endsWith('_asOf'))
        .map(([, v]) => v),
    ).toEqual(['2024-07-20', '2024-07-20', '2024-07-20', '2024-07-20']);
    expect(values[0]).toEqual(['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-05'].map((d) => [isoToSerial(d), close(d)]));
    expect(values[3]).toBe(close('2024-07-16'));
    await first.answers.flush();
    expect(first.answers.usage()).toMatchObject({ answers: 4, final: 4 });

    server.requests.length = 0;
    const second = open(store, '2024-07-20');
    expect(await sheet(second.fetch)).toEqual(values);
    expect(server.requests).toHaveLength(0);
    expect(second.fetcher.stats.finalHits).toBe(4);
  });

  it('forgetting the kept answers makes the next open fetch again', async () => {
    const store = memoryStore();
    const first = open(store, '2024-07-20');
    await sheet(first.fetch);
    await first.fetcher.forgetAnswers();
    expect(first.fetcher.cacheUsage().answers).toBe(0);
    server.requests.length = 0;
    const second = open(store, '2024-07-20');
    await sheet(second.fetch);
    expect(server.requests).toHaveLength(1);
  });

  it('changing the pin sends one batch for the new date, and going back to the old pin costs nothing', async () => {
    const store = memoryStore();
    let pin = '2024-07-20';
    const client = new BatchingClient({ url: server.url, cacheableGet: false });
    const fetcher = new WorkbookFetcher(client, new AnswerCache(store, { writeDelayMs: 0 }), () => pin, undefined, { today: () => TODAY });
    const fetch = <T>(c: Parameters<typeof fetcher.fetch>[0]) => fetcher.fetch<T>(c);
    server.requests.length = 0;
    await sheet(fetch);
    pin = '2024-07-25';
    await sheet(fetch);
    expect(server.requests).toHaveLength(2);
    expect(Object.values(server.requests[1].body.variables)).toContain('2024-07-25');
    pin = '2024-07-20';
    await sheet(fetch);
    expect(server.requests).toHaveLength(2);
  });

  it('a pin of today or yesterday is not final: it refreshes like latest values', async () => {
    const f = open(memoryStore(), '2024-07-30').fetcher;
    const call = {
      field: 'series',
      selection: 'id',
      args: [
        { name: 'id', type: 'ID!', value: 'RUT' },
        { name: 'asOf', type: 'Date', value: undefined },
      ],
    };
    expect(f.isFinal(call, '2024-07-30')).toBe(false);
    expect(f.isFinal(call, '2024-07-29')).toBe(true);
    // Catalog calls have no asOf: final only in a workbook pinned to a day that is over.
    const catalog = { field: 'searchSeries', selection: 'nodes { id }', args: [{ name: 'text', type: 'String', value: 'rut' }] };
    expect(f.isFinal(catalog, undefined)).toBe(false);
    expect(f.isFinal(catalog, '2024-07-01')).toBe(true);
  });
});

describe('unpinned workbook', () => {
  it('second open: values at once from the last session, then one refresh batch; no recalculation when nothing changed', async () => {
    const store = memoryStore();
    let clock = 1_000_000;
    const now = () => clock;
    server.requests.length = 0;
    const first = open(store, undefined, { now });
    const values = await sheet(first.fetch);
    expect(server.requests).toHaveLength(1);
    await first.answers.flush();

    clock += 3_600_000; // an hour later
    server.requests.length = 0;
    const refreshed: number[] = [];
    const second = open(store, undefined, { now, onRefreshed: (n) => refreshed.push(n) });
    expect(await sheet(second.fetch)).toEqual(values);
    expect(second.fetcher.stats.staleServed).toBe(4);
    await second.fetcher.idle();
    expect(server.requests).toHaveLength(1); // the refresh: one batch
    await new Promise((r) => setTimeout(r, 100));
    expect(refreshed).toEqual([]);
  });

  it('a refreshed answer that differs triggers one recalculation, whose cells then cost nothing', async () => {
    const store = memoryStore();
    let clock = 1_000_000;
    const now = () => clock;
    const first = open(store, undefined, { now });
    await sheet(first.fetch);
    await first.answers.flush();
    // Tamper with what the last session kept, as if the server had revised a value since.
    const index = JSON.parse((await store.getItem('tide.answers'))!) as { entries: [string, { hash: string }][] };
    const [, entry] = index.entries.find(([k]) => k.includes('2024-07-15'))!;
    const item = JSON.parse((await store.getItem(`tide.answer.${entry.hash}`))!);
    item.value.observations.values[0] = 1;
    await store.setItem(`tide.answer.${entry.hash}`, JSON.stringify(item));

    clock += 60_000;
    const refreshed: number[] = [];
    const second = open(store, undefined, { now, onRefreshed: (n) => refreshed.push(n) });
    const shown = await sheet(second.fetch);
    expect(shown[2][0][1]).toBe(1); // the stale value, at once
    await second.fetcher.idle();
    await new Promise((r) => setTimeout(r, 100));
    expect(refreshed).toEqual([1]);
    server.requests.length = 0;
    const after = await sheet(second.fetch);
    expect(after[2][0][1]).toBe(close('2024-07-15'));
    expect(server.requests).toHaveLength(0);
  });

  it('answers older than the stale limit are not shown: the cell waits for the server', async () => {
    const store = memoryStore();
    let clock = 1_000_000;
    const first = open(store, undefined, { now: () => clock });
    await sheet(first.fetch);
    await first.answers.flush();
    clock += 8 * 86_400_000;
    server.requests.length = 0;
    const second = open(store, undefined, { now: () => clock });
    await sheet(second.fetch);
    expect(second.fetcher.stats.staleServed).toBe(0);
    expect(server.requests).toHaveLength(1);
  });
});

describe('answer cache', () => {
  it('keeps within its budget by dropping the oldest recent answers first', async () => {
    const store = memoryStore();
    let clock = 0;
    const cache = new AnswerCache(store, { budgetChars: 600, now: () => ++clock, writeDelayMs: 0 });
    cache.put('final-1', 'x'.repeat(100), true);
    for (let i = 0; i < 5; i++) cache.put(`recent-${i}`, 'y'.repeat(100), false);
    await cache.flush();
    const reopened = new AnswerCache(store);
    expect(await reopened.get('final-1')).toMatchObject({ value: 'x'.repeat(100), final: true });
    expect(await reopened.get('recent-0')).toBeUndefined();
    expect(await reopened.get('recent-4')).toMatchObject({ final: false });
    expect(reopened.usage().chars).toBeLessThanOrEqual(600);
  });

  it("two workbooks writing to the same storage keep each other's answers", async () => {
    const store = memoryStore();
    const a = new AnswerCache(store, { writeDelayMs: 0 });
    const b = new AnswerCache(store, { writeDelayMs: 0 });
    await Promise.all([a.load(), b.load()]);
    a.put('from-a', 1, true);
    await a.flush();
    b.put('from-b', 2, true);
    await b.flush();
    const reopened = new AnswerCache(store);
    expect(await reopened.get('from-a')).toMatchObject({ value: 1 });
    expect(await reopened.get('from-b')).toMatchObject({ value: 2 });
  });

  it("writes once a recalculation's answers stop arriving, and at the latest maxWriteDelayMs after the first", async () => {
    vi.useFakeTimers();
    try {
      const inner = memoryStore();
      const indexWrites: number[] = [];
      const store: KeyValueStore = {
        getItem: (k) => inner.getItem(k),
        setItem: (k, v) => {
          if (k === 'tide.answers') indexWrites.push(Date.now());
          return inner.setItem(k, v);
        },
        removeItem: (k) => inner.removeItem(k),
      };
      const cache = new AnswerCache(store, { writeDelayMs: 100, maxWriteDelayMs: 1_000 });
      const start = Date.now();
      // Five responses 80 ms apart (one recalculation): one write, 100 ms after the last.
      for (let i = 0; i < 5; i++) {
        cache.put(`a${i}`, i, true);
        await vi.advanceTimersByTimeAsync(80);
      }
      expect(indexWrites).toEqual([]);
      await vi.advanceTimersByTimeAsync(20);
      expect(indexWrites).toEqual([start + 420]);
      // Answers arriving every 50 ms without pause are still written, 1,000 ms after the first of them.
      const second = Date.now();
      for (let i = 0; i < 30; i++) {
        cache.put(`b${i}`, i, true);
        await vi.advanceTimersByTimeAsync(50);
      }
      expect(indexWrites[1]).toBe(second + 1_000);
      await cache.flush();
      const reopened = new AnswerCache(store);
      expect(await reopened.get('a4')).toMatchObject({ value: 4 });
      expect(await reopened.get('b29')).toMatchObject({ value: 29 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('an unreadable or foreign index is an empty cache, not an error', async () => {
    const store = memoryStore();
    await store.setItem('tide.answers', '{not json');
    expect(await new AnswerCache(store).get('k')).toBeUndefined();
    const failing: KeyValueStore = { getItem: () => Promise.reject(new Error('denied')), setItem: () => Promise.reject(new Error('full')), removeItem: () => undefined };
    const cache = new AnswerCache(failing, { writeDelayMs: 0 });
    cache.put('k', 1, true);
    await cache.flush();
    expect(await cache.get('k')).toMatchObject({ value: 1 }); // still served from memory this session
  });
});
