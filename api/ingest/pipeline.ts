import type { SeriesMeta } from '../series/types.js';
import { mergeRevisions, summarize } from '../series/revisions.js';
import { sameMeta } from './meta.js';
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
}

/**
 * The one path from connector output to the store: validate → normalise → diff → write → metadata.
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
    const outcome = await ingestOne(store, batch, options.now ?? (() => new Date()));
    outcomes.push(outcome);
    options.onSeries?.(outcome);
  }
  return outcomes;
}

async function ingestOne(store: RevisionStore, batch: SeriesBatch, now: () => Date): Promise<SeriesOutcome> {
  const id = batch.meta.id;
  const [stored, previous] = await Promise.all([store.readRevisions(id), store.getMeta(id)]);
  const { merged, fresh } = mergeRevisions(stored, batch.revisions);
  const added = fresh.length ? (await store.writeRevisions(id, fresh)).added : 0;
  const derived: Omit<SeriesMeta, 'lastUpdated'> = { ...batch.meta, ...summarize(merged) };
  const { lastUpdated: _ignored, ...previousRest } = previous ?? ({} as SeriesMeta);
  const unchanged = previous !== null && added === 0 && sameMeta(previousRest, derived);
  if (!unchanged) await store.putMeta({ ...derived, lastUpdated: now().toISOString() });
  const knownVintages = new Set(previous?.vintages ?? stored.map((r) => r.realtimeStart));
  return {
    id,
    pointsAdded: added,
    vintagesAdded: derived.vintages.filter((v) => !knownVintages.has(v)).length,
    metaWritten: !unchanged,
  };
}
