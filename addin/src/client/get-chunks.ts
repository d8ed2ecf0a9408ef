// How calls whose answers cannot change are grouped into GET requests: in a fixed order (by call), so
// the same cells make the same requests, whose URLs a cache then finds again whatever order Excel
// calculated them in; and in chunks whose GET URL fits the limit (CloudFront's 8,192 bytes), so a
// pinned sheet of hundreds of cells is a few cacheable GETs rather than one POST no cache may keep.
import { buildBatchQuery, callKey, type FieldCall } from './query.js';
import { persistedQueryUrlBytes } from './transport.js';

/** `items` (each with its call) sorted and chunked; a call too long on its own is a chunk of one, which the transport sends as POST. */
export function chunkForGet<T extends { call: FieldCall }>(items: readonly T[], url: string, maxUrlBytes: number, maxFields: number): T[][] {
  const sorted = items.map((item) => ({ item, key: callKey(item.call) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const { item } of sorted) {
    const next = [...current, item];
    const fits = () => persistedQueryUrlBytes(url, buildBatchQuery(next.map((q) => q.call)).variables) <= maxUrlBytes;
    if (current.length > 0 && (next.length > maxFields || !fits())) {
      chunks.push(current);
      current = [item];
    } else current = next;
  }
  if (current.length) chunks.push(current);
  return chunks;
}
