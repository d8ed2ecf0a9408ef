import type { Rescale } from '../series/rescales.js';
import type { Revision, SeriesMeta } from '../series/types.js';
import { mergeRevisions, summarize, vintagesOf } from '../series/revisions.js';
import type { Undo } from '../store/series-store.js';
import { sameMeta } from './meta.js';
import { planWrite } from './plan.js';
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
  /** a restatement that rescales history stored as rescales (default), or value by value (plan.ts) */
  rescales?: boolean;
}

/**
 * The one path from connector output to the store: validate → date restatements and find rescales
 * (plan.ts) → write values → rescales → metadata.
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
    const outcome = await ingestOne(store, batch, options.now ?? (() => new Date()), options.onConflict ?? 'restate', options.rescales ?? true);
    outcomes.push(outcome);
    options.onSeries?.(outcome);
  }
  return outcomes;
}

interface Part {
  what: (n: number) => string;
  revisions: Revision[];
  /** every rescale after this part (stored ones first), when it adds some */
  rescales?: Rescale[];
  added: number;
  /** the history readers see once this part is written, rescales written out */
  after: Revision[];
}

async function ingestOne(store: RevisionStore, batch: SeriesBatch, now: () => Date, onConflict: 'restate' | 'keep', rescales: boolean): Promise<SeriesOutcome> {
  const id = batch.meta.id;
  const outcome: SeriesOutcome = { id, pointsAdded: 0, vintagesAdded: 0, metaWritten: false };
  let stored: Awaited<ReturnType<RevisionStore['readHistory']>>;
  let previous: SeriesMeta | null;
  try {
    [stored, previous] = await Promise.all([store.readHistory(id), store.getMeta(id)]);
  } catch (e) {
    return { ...outcome, error: `${id}: nothing written, reading what is stored failed: ${(e as Error).message}` };
  }
  const plan = planWrite(stored, batch, now().toISOString().slice(0, 10), { onConflict, rescales });
  const storedDates = new Set(plan.before.map((r) => r.date));
  const appended = plan.fresh.filter((r) => !storedDates.has(r.date));
  const restated = plan.fresh.filter((r) => storedDates.has(r.date));
  const afterAppend = appended.length ? mergeRevisions(plan.before, appended).merged : plan.before;
  const parts: Part[] = [];
  if (appended.length) parts.push({ what: (n) => `${n} new observation${n === 1 ? '' : 's'}`, revisions: appended, added: 0, after: afterAppend });
  if (restated.length || plan.rescales.length) {
    parts.push({
      what: (n) => `${n} revision${n === 1 ? '' : 's'} of stored dates${plan.rescales.length ? ` and ${plan.rescales.length} rescale${plan.rescales.length === 1 ? '' : 's'}` : ''}`,
      revisions: restated,
      rescales: plan.rescales.length ? plan.allRescales : undefined,
      added: plan.rescales.length,
      after: plan.after,
    });
  }
  // nothing new: the metadata alone may still have changed (a new name, notes)
  if (parts.length === 0) parts.push({ what: () => 'its metadata', revisions: [], added: 0, after: plan.before });
  const knownVintages = new Set(vintagesOf(plan.before));
  let state = { revisions: plan.before, meta: previous };
  for (const [i, part] of parts.entries()) {
    try {
      const step = await writeStep(store, batch.meta, state.meta, part, plan.keepRepeats, now);
      state = { revisions: part.after, meta: step.meta };
      outcome.pointsAdded += step.added;
      outcome.metaWritten ||= step.metaWritten;
    } catch (e) {
      const kept =
        i > 0
          ? ` (kept: ${parts
              .slice(0, i)
              .map((p) => p.what(p.revisions.length))
              .join(' and ')}, written before it)`
          : '';
      outcome.error = `${id}: ${part.what(part.revisions.length)} not written${kept}: ${(e as Error).message}`;
      break;
    }
  }
  outcome.vintagesAdded = vintagesOf(state.revisions).filter((v) => !knownVintages.has(v)).length;
  return outcome;
}

/**
 * Writes one part of a series' new revisions (values first, then its rescales: until those are
 * stored, readers see the restatement not yet made, never a rescale without its exceptions), then its
 * vintage pages and metadata, all or nothing: until the metadata is written readers see the series as
 * it was, and a failure puts back what this step changed, so no chunk is left that its metadata does
 * not describe.
 */
async function writeStep(
  store: RevisionStore,
  description: SeriesDescription,
  before: SeriesMeta | null,
  part: Part,
  keepRepeats: boolean,
  now: () => Date,
): Promise<{ meta: SeriesMeta | null; added: number; metaWritten: boolean }> {
  const id = description.id;
  // A source that knows no trading calendar (FRED's NASDAQCOM) keeps the one the catalog gave the series.
  const kept = before?.calendar && !description.calendar ? { calendar: before.calendar } : {};
  const derived: Omit<SeriesMeta, 'lastUpdated'> = { ...kept, ...description, ...summarize(part.after) };
  const { lastUpdated: _ignored, ...previousRest } = before ?? ({} as SeriesMeta);
  const undo: Undo[] = [];
  let added = 0;
  try {
    if (part.revisions.length) {
      const written = await store.writeRevisions(id, part.revisions, { keepRepeats });
      added = written.added;
      undo.push(written.undo);
    }
    if (part.rescales) {
      undo.push((await store.putRescales(id, part.rescales)).undo);
      added += part.added;
    }
    const unchanged = before !== null && added === 0 && sameMeta(previousRest, derived);
    let meta = before;
    if (!unchanged) {
      // Vintage pages, then the metadata last. putVintages writes only the pages that differ, so a re-run repairs an interrupted one.
      undo.push((await store.putVintages(id, vintagesOf(part.after))).undo);
      meta = { ...derived, lastUpdated: now().toISOString() };
      await store.putMeta(meta);
    }
    return { meta, added, metaWritten: !unchanged };
  } catch (err) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw err;
  }
}
