import type { Revision, SeriesMeta } from '../series/types.js';
import { mergeRevisions, summarize, vintagesOf } from '../series/revisions.js';
import type { Undo } from '../store/series-store.js';
import { sameMeta } from './meta.js';
import { restate } from './restate.js';
import type { RevisionStore, SeriesBatch, SeriesDescription } from './types.js';
import { validateBatch } from './validate.js';

/** What happened to one series of a run: what was written, and what could not be and why. */
export interface SeriesOutcome {
  id: string;
  /** revisions written: new observations, then revisions of dates already stored (restatements, new vintages) */
  pointsAdded: number;
  vintagesAdded: number;
  metaWritten: boolean;
  /** set when a write of this series failed: names the series, the part not written and the store's reason; what the counts say was written stays */
  error?: string;
}

export interface PipelineOptions {
  /** the run's clock, injectable so two runs can be compared byte for byte */
  now?: () => Date;
  /** called after each series is stored (or has failed), for progress display */
  onSeries?: (outcome: SeriesOutcome) => void;
  /** a value differing from the stored one: a restatement dated today (default), or kept as stored (restate.ts) */
  onConflict?: 'restate' | 'keep';
}

/**
 * The one path from connector output to the store: validate → date restatements → diff → write → metadata.
 *
 * Every batch of a run is validated before the first write, so bad input writes nothing. Writing is
 * per series: each series is its own unit, and a store error in one (an item too large, a refused
 * write) is reported in that series' outcome and never stops, or undoes, the series around it.
 * Within a series, new observations (dates not stored yet) are written first and revisions of stored
 * dates after, each followed by its metadata, so a restatement the store refuses never holds back the
 * day's new values. Both writes are idempotent and points go before metadata, so a run killed
 * anywhere and run again converges to the state of an uninterrupted run.
 */
export async function ingest(store: RevisionStore, source: string, batches: SeriesBatch[], options: PipelineOptions = {}): Promise<SeriesOutcome[]> {
  for (const batch of batches) validateBatch(batch, source);
  const ids = batches.map((b) => b.meta.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new Error(`${source}: series ${dup} is delivered twice in one run; merge its revisions first`);
  const outcomes: SeriesOutcome[] = [];
  for (const batch of batches) {
    const outcome = await ingestOne(store, batch, options.now ?? (() => new Date()), options.onConflict ?? 'restate');
    outcomes.push(outcome);
    options.onSeries?.(outcome);
  }
  return outcomes;
}

async function ingestOne(store: RevisionStore, batch: SeriesBatch, now: () => Date, onConflict: 'restate' | 'keep'): Promise<SeriesOutcome> {
  const id = batch.meta.id;
  const outcome: SeriesOutcome = { id, pointsAdded: 0, vintagesAdded: 0, metaWritten: false };
  let stored: Revision[];
  let previous: SeriesMeta | null;
  try {
    [stored, previous] = await Promise.all([store.readRevisions(id), store.getMeta(id)]);
  } catch (e) {
    return { ...outcome, error: `${id}: nothing written, reading what is stored failed: ${(e as Error).message}` };
  }
  const incoming = batch.publication === 'stamped' ? batch.revisions : restate(stored, batch.revisions, now().toISOString().slice(0, 10), onConflict);
  const { fresh } = mergeRevisions(stored, incoming);
  const storedDates = new Set(stored.map((r) => r.date));
  const parts = [
    { what: (n: number) => `${n} new observation${n === 1 ? '' : 's'}`, revisions: fresh.filter((r) => !storedDates.has(r.date)) },
    { what: (n: number) => `${n} revision${n === 1 ? '' : 's'} of stored dates`, revisions: fresh.filter((r) => storedDates.has(r.date)) },
  ].filter((p) => p.revisions.length > 0);
  // nothing new: the metadata alone may still have changed (a new name, notes)
  if (parts.length === 0) parts.push({ what: () => 'its metadata', revisions: [] });
  const knownVintages = new Set(vintagesOf(stored));
  let state = { revisions: stored, meta: previous };
  for (const [i, part] of parts.entries()) {
    try {
      const step = await writeStep(store, batch.meta, state, part.revisions, now);
      state = step.state;
      outcome.pointsAdded += step.added;
      outcome.metaWritten ||= step.metaWritten;
    } catch (e) {
      const kept = i > 0 ? ` (kept: ${parts.slice(0, i).map((p) => p.what(p.revisions.length)).join(' and ')}, written before it)` : '';
      outcome.error = `${id}: ${part.what(part.revisions.length)} not written${kept}: ${(e as Error).message}`;
      break;
    }
  }
  outcome.vintagesAdded = vintagesOf(state.revisions).filter((v) => !knownVintages.has(v)).length;
  return outcome;
}

/**
 * Writes one part of a series' new revisions, then its vintage pages and metadata, all or nothing:
 * until the metadata is written readers see the series as it was, and a failure puts back what this
 * step changed, so no chunk is left that its metadata does not describe.
 */
async function writeStep(
  store: RevisionStore,
  description: SeriesDescription,
  before: { revisions: Revision[]; meta: SeriesMeta | null },
  part: Revision[],
  now: () => Date,
): Promise<{ state: { revisions: Revision[]; meta: SeriesMeta | null }; added: number; metaWritten: boolean }> {
  const id = description.id;
  const { merged } = mergeRevisions(before.revisions, part);
  // A source that knows no trading calendar (FRED's NASDAQCOM) keeps the one the catalog gave the series.
  const kept = before.meta?.calendar && !description.calendar ? { calendar: before.meta.calendar } : {};
  const derived: Omit<SeriesMeta, 'lastUpdated'> = { ...kept, ...description, ...summarize(merged) };
  const { lastUpdated: _ignored, ...previousRest } = before.meta ?? ({} as SeriesMeta);
  const undo: Undo[] = [];
  let added = 0;
  try {
    if (part.length) {
      const written = await store.writeRevisions(id, part);
      added = written.added;
      undo.push(written.undo);
    }
    const unchanged = before.meta !== null && added === 0 && sameMeta(previousRest, derived);
    let meta = before.meta;
    if (!unchanged) {
      // Vintage pages, then the metadata last. putVintages writes only the pages that differ, so a re-run repairs an interrupted one.
      undo.push((await store.putVintages(id, vintagesOf(merged))).undo);
      meta = { ...derived, lastUpdated: now().toISOString() };
      await store.putMeta(meta);
    }
    return { state: { revisions: merged, meta }, added, metaWritten: !unchanged };
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw err;
  }
}
