import { compactRestatements, materialize, mayCompact, scaledTolerance, storedValues, type Rescale } from '../series/rescales.js';
import { mergeRevisions, mergeStored } from '../series/revisions.js';
import type { Revision } from '../series/types.js';
import { restate } from './restate.js';
import type { SeriesBatch } from './types.js';

/** What one ingest of a series writes, worked out before anything is written. */
export interface WritePlan {
  /** Stored revisions to add (the ones not stored before). */
  fresh: Revision[];
  /** Rescales to add. */
  rescales: Rescale[];
  /** Every rescale after the write (stored ones first), or undefined when the series has none. */
  allRescales?: Rescale[];
  /** The history before and after, rescales written out: what readers see. */
  before: Revision[];
  after: Revision[];
  /** Write `fresh` keeping repeats (the series has rescales: series/rescales.ts). */
  keepRepeats: boolean;
}

export interface PlanOptions {
  onConflict?: 'restate' | 'keep';
  /** Record a restatement that rescales history as rescales (default); false stores each value. */
  rescales?: boolean;
}

/**
 * Dates the incoming revisions (restate.ts), then stores each day's restatements as rescales where
 * that takes fewer records (series/rescales.ts): a dividend that rescales twenty years of closes is
 * one record, not 5,000. Only a release newer than everything stored is compacted; the rest is
 * stored value by value, as before. Pure.
 */
export function planWrite(stored: { revisions: Revision[]; rescales: Rescale[] }, batch: SeriesBatch, runDate: string, options: PlanOptions = {}): WritePlan {
  const before = materialize(stored.revisions, stored.rescales);
  const latestExplicit = new Map<string, Revision>();
  for (const r of stored.revisions) latestExplicit.set(r.date, r);
  const tolerance = (date: string, value: number) => {
    const r = latestExplicit.get(date);
    return r ? scaledTolerance(date, value, r.realtimeStart, stored.rescales) : 0;
  };
  const incoming =
    batch.publication === 'stamped'
      ? unexplained(before, batch.revisions, stored.rescales.length > 0, tolerance)
      : restate(before, batch.revisions, runDate, options.onConflict ?? 'restate', { knownWhenFetched: batch.publication === 'fetched', tolerance });

  // What the next release is compared with: the stored revisions, then each release before it. Merged
  // into one list only when a release may be compacted, so a history delivered day by day (a first
  // ingest of a century of closes) costs one pass, not one per day.
  let explicit = stored.revisions;
  let pending: Revision[] = [];
  const storedDates = new Set(explicit.map((r) => r.date));
  const rescales = [...stored.rescales];
  const added: Rescale[] = [];
  const lastPublished = [...before.map((r) => r.realtimeStart), ...stored.rescales.map((k) => k.at)].reduce((a, b) => (b > a ? b : a), '');
  const rest: Revision[] = [];
  const groups = byPublished(incoming);
  for (const [g, [day, group]] of groups.entries()) {
    const restated = new Map(group.filter((r) => storedDates.has(r.date)).map((r) => [r.date, r.value]));
    const compactable = options.rescales !== false && day > lastPublished && mayCompact(restated.size);
    if (compactable && pending.length) [explicit, pending] = [mergeStored(explicit, pending).merged, []];
    const compacted = compactable ? compactRestatements(storedValues(explicit), restated, day, rescales) : null;
    const kept = compacted ? [...group.filter((r) => !restated.has(r.date)), ...compacted.revisions] : group;
    rest.push(...kept);
    if (g < groups.length - 1) {
      pending.push(...kept);
      for (const r of kept) storedDates.add(r.date);
    }
    if (compacted) {
      rescales.push(...compacted.rescales);
      added.push(...compacted.rescales);
    }
  }
  const keepRepeats = rescales.length > 0;
  const { merged, fresh } = (keepRepeats ? mergeStored : mergeRevisions)(stored.revisions, rest);
  return { fresh, rescales: added, allRescales: keepRepeats ? rescales : undefined, before, after: materialize(merged, rescales), keepRepeats };
}

/** Revisions (as a stamping source delivers them) that the stored history does not already hold. */
function unexplained(before: Revision[], incoming: Revision[], hasRescales: boolean, tolerance: (date: string, value: number) => number): Revision[] {
  if (!hasRescales) return incoming;
  const held = new Map(before.map((r) => [`${r.date}|${r.realtimeStart}`, r.value]));
  return incoming.filter((r) => {
    const k = `${r.date}|${r.realtimeStart}`;
    if (!held.has(k)) return true;
    const v = held.get(k)!;
    if (v === r.value) return false;
    return v === null || r.value === null || Math.abs(v - r.value) > tolerance(r.date, v);
  });
}

/** Revisions grouped by publication day, ascending. */
function byPublished(revisions: Revision[]): [string, Revision[]][] {
  const map = new Map<string, Revision[]>();
  for (const r of revisions) {
    const list = map.get(r.realtimeStart);
    if (list) list.push(r);
    else map.set(r.realtimeStart, [r]);
  }
  return [...map].sort(([a], [b]) => (a < b ? -1 : 1));
}
