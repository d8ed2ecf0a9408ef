import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceColumn } from '../helpers/source-csv.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

describe('one request, many cells of the same series', () => {
  it('200 aliased RUT ranges cost a handful of chunk queries, and each gets its own rows', async () => {
    const rut = sourceColumn('rut_daily_yahoo.csv', 'Close');
    const ranges = Array.from({ length: 200 }, (_, i) => [rut[i * 3][0], rut[i * 3 + 19][0]]);
    const query = `{ ${ranges.map(([from, to], i) => `c${i}: series(id: "RUT") { observations(from: "${from}", to: "${to}") { values } }`).join(' ')} }`;
    await api.query('{ series(id: "RUT") { id } }'); // metadata cached, so only chunk reads are counted below
    const before = api.store.stats.requests;
    const res = await api.query(query);
    const chunkQueries = api.store.stats.requests - before;
    expect(res.errors).toBeUndefined();
    ranges.forEach((_, i) => expect(res.data[`c${i}`].observations.values).toEqual(rut.slice(i * 3, i * 3 + 20).map(([, v]) => v)));
    // The ranges span 2022-2024 in a few distinct year spans; without sharing this was 200 queries.
    expect(chunkQueries).toBeLessThanOrEqual(6);
  });
});
