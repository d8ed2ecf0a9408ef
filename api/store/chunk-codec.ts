import { revisionsOf } from '../series/revision-columns.js';
import type { Revision, RevisionColumns } from '../series/types.js';
import { chunkSk, seriesPk, yearOf } from './keys.js';

// A chunk holds one series-year of revisions as one JSON string attribute: parsing one string is far
// cheaper than unmarshalling thousands of DynamoDB list elements, and a year of daily data with a few
// vintages stays around 10-30 KB, well under the 400 KB item limit.

interface Packed {
  d: string[];
  v: (number | null)[];
  r: string[];
}

export interface ChunkItem {
  pk: string;
  sk: string;
  year: number;
  count: number;
  revs: string;
}

export function encodeChunk(id: string, year: number, revisions: Revision[]): ChunkItem {
  const packed: Packed = { d: [], v: [], r: [] };
  for (const rev of revisions) {
    packed.d.push(rev.date);
    packed.v.push(rev.value);
    packed.r.push(rev.realtimeStart);
  }
  return { pk: seriesPk(id), sk: chunkSk(year), year, count: revisions.length, revs: JSON.stringify(packed) };
}

/** The chunk's revisions as stored, in columns: one parse, no object per revision. */
export function decodeChunkColumns(item: Record<string, unknown>): RevisionColumns {
  const packed = JSON.parse(String(item.revs)) as Packed;
  return { dates: packed.d, values: packed.v, realtimeStarts: packed.r };
}

export const decodeChunk = (item: Record<string, unknown>): Revision[] => revisionsOf(decodeChunkColumns(item));

/** Revisions grouped as the chunks hold them: one list per year, each in the order given. */
export function revisionsByYear(revisions: readonly Revision[]): Map<number, Revision[]> {
  const byYear = new Map<number, Revision[]>();
  for (const r of revisions) {
    const year = yearOf(r.date);
    const list = byYear.get(year);
    if (list) list.push(r);
    else byYear.set(year, [r]);
  }
  return byYear;
}
