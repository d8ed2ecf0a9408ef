import { compactRestatements, materialize, storedValues, type Rescale } from '../series/rescales.js';
import { mergeStored } from '../series/revisions.js';
import type { Revision } from '../series/types.js';
import type { SeriesStore } from './series-store.js';

// Moves a series stored before rescales existed (every restated value a revision of its own) to
// rescales, in place: its history is replayed release by release, each release's restatements
// compacted only where a rescale reproduces every value bit for bit, and the result is written
// only if it gives back exactly the revisions stored before (so every asOf answer, every revision
// list, every first release is the same). A series that already has rescales, or in which nothing
// compacts, is left as it is; running it again changes nothing.

export interface SeriesMigration {
  id: string;
  /** what happened: migrated, or why not */
  outcome: 'migrated' | 'unchanged' | 'has rescales';
  revisionsBefore: number;
  revisionsAfter: number;
  rescales: number;
}

/** The history as rescales plus the revisions they do not describe; null when nothing compacts exactly. */
export function compactHistory(revisions: readonly Revision[]): { revisions: Revision[]; rescales: Rescale[] } | null {
  const byDay = new Map<string, Revision[]>();
  for (const r of revisions) {
    const list = byDay.get(r.realtimeStart);
    if (list) list.push(r);
    else byDay.set(r.realtimeStart, [r]);
  }
  let explicit: Revision[] = [];
  const rescales: Rescale[] = [];
  for (const [day, group] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const dates = new Set(explicit.map((r) => r.date));
    const restated = new Map(group.filter((r) => dates.has(r.date)).map((r) => [r.date, r.value]));
    const compacted = compactRestatements(storedValues(explicit), restated, day, rescales, true);
    if (!compacted) {
      explicit = mergeStored(explicit, group).merged;
      continue;
    }
    explicit = mergeStored(explicit, [...group.filter((r) => !restated.has(r.date)), ...compacted.revisions]).merged;
    rescales.push(...compacted.rescales);
  }
  if (rescales.length === 0) return null;
  // The one test that matters: the same revisions come back, value for value, bit for bit.
  const back = materialize(explicit, rescales);
  const same = back.length === revisions.length && back.every((r, i) => r.date === revisions[i].date && r.realtimeStart === revisions[i].realtimeStart && Object.is(r.value, revisions[i].value));
  return same ? { revisions: explicit, rescales } : null;
}

/**
 * Migrates one series. The rescales are written first: while the old chunks are still in place every
 * date they scale has its own revision on the rescale's day, which a rescale never scales, so every
 * answer is unchanged at each step; then the chunks are rewritten without those revisions.
 */
export async function migrateSeries(store: SeriesStore, id: string): Promise<SeriesMigration> {
  const history = await store.readHistory(id);
  const base = { id, revisionsBefore: history.revisions.length };
  if (history.rescales.length) return { ...base, outcome: 'has rescales', revisionsAfter: history.revisions.length, rescales: history.rescales.length };
  const compacted = compactHistory(history.revisions);
  if (!compacted) return { ...base, outcome: 'unchanged', revisionsAfter: history.revisions.length, rescales: 0 };
  const { undo } = await store.putRescales(id, compacted.rescales);
  try {
    await store.rewriteRevisions(id, compacted.revisions);
  } catch (err) {
    await undo().catch(() => undefined);
    throw err;
  }
  return { ...base, outcome: 'migrated', revisionsAfter: compacted.revisions.length, rescales: compacted.rescales.length };
}

/** Every series of the store (the catalog), one after another. */
export async function migrateStore(store: SeriesStore, onSeries?: (m: SeriesMigration) => void): Promise<SeriesMigration[]> {
  const out: SeriesMigration[] = [];
  for (const meta of await store.listMeta()) {
    const m = await migrateSeries(store, meta.id);
    out.push(m);
    onSeries?.(m);
  }
  return out;
}

const MARKER = { pk: 'TIDE#MIGRATIONS', sk: 'rescales' };

/**
 * Migrates the store once: a marker item records that it ran, so a local server starting again does
 * not read every series again. A series written after the migration is written with rescales anyway.
 */
export async function migrateStoreOnce(store: SeriesStore): Promise<SeriesMigration[] | null> {
  const done = await store.table.get({ TableName: store.tableName, Key: MARKER, ConsistentRead: true });
  if (done.Item) return null;
  const out = await migrateStore(store);
  await store.table.put({ TableName: store.tableName, Item: { ...MARKER, at: new Date().toISOString(), series: out.length, migrated: out.filter((m) => m.outcome === 'migrated').length } });
  return out;
}
