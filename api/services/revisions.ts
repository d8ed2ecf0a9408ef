// A series' revision history: every published value of one observation, and what changed between
// two moments of knowledge. Both read the stored revisions themselves (not the metadata's summary).
import { badInput, notFound, tooLarge } from '../errors/domain-error.js';
import { addDays } from '../series/dates.js';
import { periodOf } from '../series/periods.js';
import type { Revision, SeriesMeta } from '../series/types.js';
import type { SeriesReads } from '../store/request-reads.js';
import { diffBetween, publishedBy, revisionsOf, type Diff } from '../series/revision-history.js';
import { maxResponsePoints } from './limits.js';
import { validateRange } from './observations.js';

/** Today in UTC, the default "now" of a comparison. */
const today = (): string => new Date().toISOString().slice(0, 10);

/** Why `date` has no observation, in words that say which date to ask for instead. */
async function noObservation(store: SeriesReads, meta: SeriesMeta, date: string): Promise<Error> {
  const label = periodOf(date, meta.frequency);
  if (meta.frequency !== 'DAILY' && meta.frequency !== 'WEEKLY' && label !== date) {
    return notFound(`${meta.id} is ${meta.frequency.toLowerCase()}: its observations are dated the first day of their period, so ask for ${label}, not ${date}`, 'date');
  }
  if (!meta.firstDate || !meta.lastDate || date < meta.firstDate || date > meta.lastDate) {
    return notFound(`${meta.id} has no observation dated ${date}; its observations run from ${meta.firstDate ?? '?'} to ${meta.lastDate ?? '?'}`, 'date');
  }
  const near = [...new Set((await store.readRevisions(meta.id, addDays(date, -14), addDays(date, 14))).map((r) => r.date))];
  const before = near.filter((d) => d < date).pop();
  const after = near.find((d) => d > date);
  const nearest = [before, after].filter(Boolean).join(' and ');
  return notFound(`${meta.id} has no observation dated ${date}${nearest ? `; the nearest are ${nearest}` : ''}`, 'date');
}

/** Every value published for the observation dated `date`, oldest first (only those published by `asOf`, when given). */
export async function readRevisionHistory(store: SeriesReads, meta: SeriesMeta, date: string, asOf?: string | null): Promise<Revision[]> {
  const history = revisionsOf(await store.readRevisions(meta.id, date, date), date);
  if (history.length === 0) throw await noObservation(store, meta, date);
  const published = publishedBy(history, asOf);
  if (published.length === 0) {
    throw badInput(`${meta.id} ${date} was first published on ${history[0].realtimeStart}, after asOf ${asOf}; pass a later asOf`, 'asOf');
  }
  return published;
}

export interface RevisionDiffResult extends Diff {
  seriesId: string;
  since: string;
  asOf: string;
}

export interface RevisionsSinceArgs {
  since: string;
  asOf?: string | null;
  from?: string | null;
  to?: string | null;
}

/** The observations dated in [from, to] whose value known on `since` differs from the one known on `asOf` (default today). */
export async function readRevisionsSince(store: SeriesReads, meta: SeriesMeta, args: RevisionsSinceArgs): Promise<RevisionDiffResult> {
  const asOf = args.asOf ?? today();
  if (args.since > asOf) {
    throw badInput(`"since" (${args.since}) is after ${args.asOf ? `"asOf" (${asOf})` : `today (${asOf})`}; since must be the earlier of the two dates`, 'since');
  }
  validateRange(args.from, args.to);
  const diff = diffBetween(await store.readRevisions(meta.id, args.from ?? undefined, args.to ?? undefined), args.since, asOf);
  const limit = maxResponsePoints();
  if (diff.dates.length > limit) {
    throw tooLarge(`${meta.id} has ${diff.dates.length} changed observations in this range, over the limit of ${limit}; narrow from/to`);
  }
  return { seriesId: meta.id, since: args.since, asOf, ...diff };
}
