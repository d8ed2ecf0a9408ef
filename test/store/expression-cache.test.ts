import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadCache } from '../../api/store/read-cache.js';
import { isExpression, lookupSeries, readExpressionObservations } from '../../api/services/expressions.js';
import { requestReads } from '../../api/store/request-reads.js';
import { startTestStore } from '../../support/local-store.js';
import { writeSeries } from '../helpers/write-series.js';

// Caching by normal form against a real dynalite: two spellings of one expression are one entry,
// within a request (one evaluation) and across requests (the operands' cached reads).

let t: Awaited<ReturnType<typeof startTestStore>>;
beforeAll(async () => {
  t = await startTestStore('tide-expression-cache');
  const dates = ['2024-07-01', '2024-07-02', '2024-07-03'];
  for (const [id, base] of [
    ['A', 10],
    ['B', 4],
  ] as const) {
    await writeSeries(
      t.store,
      { id, name: id, unit: 'Index', frequency: 'DAILY', source: { name: 'test', sourceId: id } },
      dates.map((date, i) => ({ date, value: base + i, realtimeStart: date })),
    );
  }
});
afterAll(() => t.close());

async function read(reads: ReturnType<typeof requestReads>, text: string, from = '2024-07-01') {
  const meta = await lookupSeries(reads, text);
  if (!meta || !isExpression(meta)) throw new Error(`${text} is not an expression`);
  return readExpressionObservations(reads, meta, { from });
}

describe('expressions cached by their normal form', () => {
  it('"A/B" and " A  /  B " in one request read each operand once; in the next request, from the cache', async () => {
    const cache = new ReadCache(t.store, { versionTtlMs: 60_000 });
    const first = requestReads(cache.forRequest());
    const [x, y, later] = await Promise.all([read(first, 'A/B'), read(first, ' A  /  B '), read(first, 'A /B', '2024-07-02')]);
    expect(y).toEqual(x);
    expect(x.values).toEqual([10 / 4, 11 / 5, 12 / 6]);
    expect(later.values).toEqual([11 / 5, 12 / 6]); // the same evaluation, cut to its own range
    expect(cache.stats.columnsMisses).toBe(2); // A and B, read once each
    const hitsBefore = cache.stats.columnsHits;
    const second = requestReads(cache.forRequest());
    const z = await read(second, '(A) / (B)');
    expect(z.seriesId).toBe('A / B');
    expect(z.values).toEqual(x.values);
    expect(cache.stats.columnsMisses).toBe(2);
    expect(cache.stats.columnsHits).toBe(hitsBefore + 2);
  });
});
