import type { Rescale } from '../series/rescales.js';
import type { Revision, SeriesMeta } from '../series/types.js';
import type { Undo } from '../store/series-store.js';

/** What a connector knows about a series; the pipeline derives the rest from the stored points. */
export type SeriesDescription = Omit<SeriesMeta, 'firstDate' | 'lastDate' | 'lastUpdated' | 'firstVintage' | 'lastVintage' | 'vintageCount'>;

/** One series as a connector delivers it: its description and every revision it saw. */
export interface SeriesBatch {
  meta: SeriesDescription;
  revisions: Revision[];
  /**
   * "stamped" when the source itself records when each value was published (ALFRED vintages): the
   * stamps are history and are stored as delivered. Otherwise publication dates come from a rule
   * (a close is public on its trading day), and a value that differs from what is stored becomes a
   * restatement published on the ingest date (see restate.ts). "fetched": a rule-dated source whose
   * past values embed later events (adjusted closes): a date not stored before is dated the ingest
   * day, so an adjusted backfill answers nothing before the day it was fetched (no look-ahead).
   */
  publication?: 'stamped' | 'rule' | 'fetched';
}

/** The subset of the store the pipeline needs (the store's SeriesStore satisfies it). */
export interface RevisionStore {
  getMeta(id: string): Promise<SeriesMeta | null>;
  putMeta(meta: SeriesMeta): Promise<void>;
  readHistory(id: string): Promise<{ revisions: Revision[]; rescales: Rescale[] }>;
  writeRevisions(id: string, revisions: Revision[], options?: { keepRepeats?: boolean }): Promise<{ added: number; undo: Undo }>;
  putRescales(id: string, rescales: Rescale[]): Promise<{ undo: Undo }>;
  putVintages(id: string, vintages: string[]): Promise<{ undo: Undo }>;
}
