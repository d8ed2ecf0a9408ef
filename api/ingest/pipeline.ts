import type { SeriesMeta } from '../series/types.js';
import { summarize, vintagesOf } from '../series/revisions.js';
import type { Undo } from '../store/series-store.js';
import { sameMeta } from './meta.js';
import { planWrite } from './plan.js';
import type { RevisionStore, SeriesBatch } from './types.js';
import { validateBatch } from './validate.js';

export interface SeriesOutcome {
  id: string;
  pointsAdded: number;
  vintagesAdded: number;
  metaWritten: boolean;
}

export interface PipelineOptions {
  /** the run's clock, injectable so two runs can be compared byte for byte */
  now?: () => Date;
  /** called after each series is stored, for progress display */
  onSeries?: (outcome: SeriesOutcome) => void;
  /** a value differing from the stored one: a restatement dated today (default), or kept as stored (restate.ts) */
  onConflict?: 'restate' | 'keep';
  /** a restatement that rescales history stored as rescales (default), or value by value (plan.ts) */
  rescales?: boolean;
}

/**
 * The one path from connector output to the store: validate → date restatements and find rescales
 * (plan.ts) → write values → rescales → metadata.
 * Every batch of a run is validated before the first write, so bad input writes nothing. Points
 * go before metadata, and both writes are idempotent, so a run killed anywhere and run again
 * converges to the state of an uninterrupted run.
 */
export async function ingest(store: RevisionStore, source: string, batches: SeriesBatch[], options: PipelineOptions = {}): Promise<SeriesOutcome[]> {
  for (const batch of batches) validateBatch(batch, source);
  const ids = batches.map((b) => b.meta.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`${source}: series ${dup} is delivered twice in one run; merge its revisions first`);
  const outcomes: SeriesOutcome[] = [];
  for (const batch of batches) {
    const outcome = await ingestOne(store, batch, options.now ?? (() => new Date()), options.onConflict ?? 'restate', options.rescales ?? true);
    outcomes.push(outcome);
    options.onSeries?.(outcome);
  }
  return outcomes;
}

async function ingestOne(store: RevisionStore, batch: SeriesBatch, now: () => Date, onConflict: 'restate' | 'keep', rescales: boolean): Promise<SeriesOutcome> {
  const id = batch.meta.id;
  const [stored, previous] = await Promise.all([store.readHistory(id), store.getMeta(id)]);
  const plan = planWrite(stored, batch, now().toISOString().slice(0, 10), { onConflict, rescales });
  const derived: Omit<SeriesMeta, 'lastUpdated'> = { ...batch.meta, ...summarize(plan.after) };
  const { lastUpdated: _ignored, ...previousRest } = previous ?? ({} as SeriesMeta);
  const undo: Undo[] = [];
  let added = 0;
  try {
    if (plan.fresh.length) {
      const written = await store.writeRevisions(id, plan.fresh, { keepRepeats: plan.keepRepeats });
      added = written.added;
      undo.push(written.undo);
    }
    if (plan.rescales.length) {
      // After the values they do not scale: until the rescales are stored, readers see the day's
      // restatement not yet made, never a rescale without its exceptions.
      undo.push((await store.putRescales(id, plan.allRescales!)).undo);
      added += plan.rescales.length;
    }
    const unchanged = previous !== null && added === 0 && sameMeta(previousRest, derived);
    if (!unchanged) {
      // Vintage pages, then the metadata last: until it is written, readers see the series as it was.
      // putVintages writes only the pages that differ, so a re-run repairs an interrupted one.
      undo.push((await store.putVintages(id, vintagesOf(plan.after))).undo);
      await store.putMeta({ ...derived, lastUpdated: now().toISOString() });
    }
    const known = new Set(vintagesOf(plan.before));
    return { id, pointsAdded: added, vintagesAdded: vintagesOf(plan.after).filter((v) => !known.has(v)).length, metaWritten: !unchanged };
  } catch (err) {
    // Put back what this series' write changed, so a failed run leaves no chunk its metadata does not describe.
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw err;
  }
}
