import { columnsOfRevisions, knownInChunk } from './revision-columns.js';
import type { Columns, Revision, SeriesMeta } from './types.js';

// Pure functions over revision lists. The canonical form (sorted by date then realtimeStart, with no
// revision repeating the value already in force) makes merges order-independent, so re-running an
// interrupted load converges on exactly the state of an uninterrupted one.

const sameValue = (a: number | null, b: number | null): boolean => a === b || (a !== null && b !== null && Object.is(a, b));

function byDateThenRealtime(a: Revision, b: Revision): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.realtimeStart !== b.realtimeStart) return a.realtimeStart < b.realtimeStart ? -1 : 1;
  return 0;
}

/** Sorts, keeps the last write for each (date, realtimeStart), and drops revisions that restate the value in force. */
export function canonical(revisions: Revision[]): Revision[] {
  const sorted = [...revisions].sort(byDateThenRealtime); // stable: later writes stay later
  const unique: Revision[] = [];
  for (const r of sorted) {
    const prev = unique[unique.length - 1];
    if (prev && prev.date === r.date && prev.realtimeStart === r.realtimeStart) unique[unique.length - 1] = r;
    else unique.push(r);
  }
  return unique.filter((r, i) => {
    const prev = unique[i - 1];
    return !(prev && prev.date === r.date && sameValue(prev.value, r.value));
  });
}

/** Same value as a stored key compares them: null only with null, NaN with NaN, 0 with -0. */
const sameStored = (a: number | null, b: number | null): boolean => a === b || (a !== null && b !== null && a !== a && b !== b);

/**
 * The revisions of `merged` (sorted by date then publication) that `stored` does not hold at the same
 * date, publication and value. A walk of both in order: a daily run merges a handful of revisions into
 * years of them, and this is the part of it that must stay linear, without a key string per revision.
 */
function notStored(stored: Revision[], merged: Revision[]): Revision[] {
  const held = isSorted(stored) ? stored : [...stored].sort(byDateThenRealtime);
  const fresh: Revision[] = [];
  let j = 0;
  for (const r of merged) {
    while (j < held.length && byDateThenRealtime(held[j], r) < 0) j++;
    let found = false;
    for (let k = j; k < held.length && byDateThenRealtime(held[k], r) === 0 && !found; k++) found = sameStored(held[k].value, r.value);
    if (!found) fresh.push(r);
  }
  return fresh;
}

function isSorted(revisions: Revision[]): boolean {
  for (let i = 1; i < revisions.length; i++) if (byDateThenRealtime(revisions[i - 1], revisions[i]) > 0) return false;
  return true;
}

/**
 * Merges incoming revisions into stored ones. `fresh` are the merged revisions that were not stored
 * before (new releases, and corrections of a stored release); `added` counts them.
 */
export function mergeRevisions(stored: Revision[], incoming: Revision[]): { merged: Revision[]; fresh: Revision[]; added: number } {
  const merged = canonical([...stored, ...incoming]); // incoming after stored, so it wins a tie
  const fresh = notStored(stored, merged);
  return { merged, fresh, added: fresh.length };
}

/**
 * Merges incoming revisions into stored ones by (date, realtimeStart) alone, the incoming winning a
 * tie: for a series with rescales, where a revision repeating the value before it is not redundant
 * (it is a day a rescale does not scale).
 */
export function mergeStored(stored: Revision[], incoming: Revision[]): { merged: Revision[]; fresh: Revision[]; added: number } {
  const sorted = [...stored, ...incoming].sort(byDateThenRealtime);
  const merged: Revision[] = [];
  for (const r of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && prev.date === r.date && prev.realtimeStart === r.realtimeStart) merged[merged.length - 1] = r;
    else merged.push(r);
  }
  const fresh = notStored(stored, merged);
  return { merged, fresh, added: fresh.length };
}

/** The revision in force for each date on `asOf` (the latest when absent), dates ascending. */
export function inForce(revisions: Revision[], asOf?: string): Revision[] {
  const out: Revision[] = [];
  for (const r of revisions) {
    if (asOf !== undefined && r.realtimeStart > asOf) continue;
    if (out.length > 0 && out[out.length - 1].date === r.date) out[out.length - 1] = r;
    else out.push(r);
  }
  return out;
}

/** The values as known on `asOf` (or the latest when absent), in columns: the rule the stored chunks are read by. */
export const columnsAsOf = (revisions: Revision[], asOf?: string): Columns => knownInChunk(columnsOfRevisions(revisions), asOf);

/** The distinct release dates (vintages) of revisions, ascending. */
export const vintagesOf = (revisions: Revision[]): string[] => [...new Set(revisions.map((r) => r.realtimeStart))].sort();

/** First and last observation dates and the first and last release dates of canonical revisions. */
export function summarize(revisions: Revision[]): Pick<SeriesMeta, 'firstDate' | 'lastDate' | 'firstVintage' | 'lastVintage' | 'vintageCount'> {
  const vintages = vintagesOf(revisions);
  return { firstDate: revisions[0]?.date, lastDate: revisions[revisions.length - 1]?.date, firstVintage: vintages[0], lastVintage: vintages[vintages.length - 1], vintageCount: vintages.length };
}
