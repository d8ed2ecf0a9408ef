// The market-open model's CDN path, as the add-in now sends a pinned workbook: several cacheable GETs,
// each a persisted query that a container answers PERSISTED_QUERY_NOT_FOUND until it has seen it (then
// the add-in sends a POST, which CloudFront does not keep), and that CloudFront keeps once an answer
// came back as a GET.
import { describe, expect, it } from 'vitest';
import { AWS_LIKE, runModel, type ModelOptions } from '../../bench/model/market-open-model.js';
import type { Cell, SeriesInfo, Workbook } from '../../bench/model/workload.js';

const series: SeriesInfo = { id: 'RUT', chunkBytes: new Map([[2024, 20_000]]), metaBytes: 500, versionBytes: 50, lastDate: '2024-12-31', pinnedLastDate: '2024-12-31' };
const catalog = new Map([['RUT', series]]);
const cell: Cell = { id: 'RUT', fromYear: 2024, toYear: 2024, from: '2024-12-01', to: '2024-12-31' };
/** Pinned workbooks of one key and template, opening a second apart (no two at once). */
const books = (n: number, pinned = true): Workbook[] => Array.from({ length: n }, (_, i) => ({ key: 1, template: 0, pinned, openAtMs: i * 1000, cells: Array.from({ length: 4 }, () => cell) }));
const base: ModelOptions = { ...AWS_LIKE, cache: true, cdn: true, computeMs: 5, decodeMsPerKb: 0.01, coldStartMs: 200, keyItemBytes: 100, clientConcurrency: 2 };
const twoGets = () => [
  { cells: [0, 1], query: 'q2' },
  { cells: [2, 3], query: 'q2' },
];

describe('market-open model: pinned workbooks behind the CDN', () => {
  it('the first workbook meets an APQ miss on each GET and sends POSTs; once a GET has been answered, CloudFront serves the rest', () => {
    const r = runModel(books(5), catalog, 1000, { ...base, getChunks: twoGets });
    // Book 1: two GETs to one fresh container, in parallel on two containers: both miss (POST each).
    // Book 2: both GETs reach containers that now know the query: answered, kept. Books 3-5: edge hits.
    expect(r.apqMisses).toBe(2);
    expect(r.edgeHits).toBe(6);
    expect(r.clientRequests).toBe(5 * 2 + 2);
    expect(r.failed).toBe(0);
  });

  it("without the add-in's chunks (or unpinned) a workbook is one request to the origin", () => {
    const r = runModel(books(5, false), catalog, 1000, { ...base, getChunks: twoGets });
    expect(r).toMatchObject({ clientRequests: 5, edgeHits: 0, apqMisses: 0 });
    const old = runModel(books(5), catalog, 1000, { ...base, getChunks: undefined });
    expect(old).toMatchObject({ clientRequests: 5, edgeHits: 0, apqMisses: 0 });
  });
});
