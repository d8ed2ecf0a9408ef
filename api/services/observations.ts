import { badInput, tooLarge } from '../graphql/errors.js';
import { addDays } from '../series/dates.js';
import { isLowerOrEqual, periodOf } from '../series/periods.js';
import { resample, type Aggregation } from '../series/resample.js';
import { transform, type Transform } from '../series/transform.js';
import type { Columns, Frequency, SeriesMeta } from '../series/types.js';
import type { SeriesStore } from '../store/series-store.js';
import { columnsAsOf } from '../store/revisions.js';
import { MAX_RESPONSE_POINTS } from './limits.js';

export interface ObservationArgs {
  from?: string | null;
  to?: string | null;
  frequency?: Frequency | null;
  aggregation?: Aggregation | null;
  transform?: Transform | null;
  asOf?: string | null;
}

export interface ObservationResult extends Columns {
  seriesId: string;
  frequency: Frequency;
  aggregation: Aggregation;
  transform: Transform;
  asOf: string | null;
}

// Transforms that compare with earlier periods read this much further back, so the first value in
// range is computed rather than missing.
const LOOKBACK_DAYS = 2 * 366 + 14;

export function validateRange(from?: string | null, to?: string | null): void {
  if (from && to && from > to) throw badInput(`"from" (${from}) is after "to" (${to}); swap them or widen the range`, 'from');
}

function trim(columns: Columns, first?: string, last?: string): Columns {
  const keep = columns.dates.map((d) => (!first || d >= first) && (!last || d <= last));
  return { dates: columns.dates.filter((_, i) => keep[i]), values: columns.values.filter((_, i) => keep[i]) };
}

/** Reads, converts and transforms one series' observations as known on `asOf`. */
export async function readObservations(store: SeriesStore, meta: SeriesMeta, args: ObservationArgs): Promise<ObservationResult> {
  const frequency = args.frequency ?? meta.frequency;
  const aggregation = args.aggregation ?? 'LAST';
  const how = args.transform ?? 'LEVEL';
  validateRange(args.from, args.to);
  if (!isLowerOrEqual(frequency, meta.frequency)) {
    throw badInput(`${meta.id} is ${meta.frequency}; it can be converted to a lower frequency, not to ${frequency}`, 'frequency');
  }
  // Whole periods: the period holding "from" is aggregated from all its observations.
  const first = args.from ? periodOf(args.from, frequency) : undefined;
  const last = args.to ? periodOf(args.to, frequency) : undefined;
  const needsHistory = how !== 'LEVEL' && how !== 'REBASE_100';
  const readFrom = first ? addDays(first, needsHistory ? -LOOKBACK_DAYS : -7) : undefined;
  const revisions = await store.readRevisions(meta.id, readFrom, args.to ?? undefined);
  let columns = columnsAsOf(revisions, args.asOf ?? undefined);
  if (frequency !== meta.frequency) columns = resample(columns, frequency, aggregation);
  columns = how === 'REBASE_100' ? transform(trim(columns, first, last), how, frequency) : trim(transform(columns, how, frequency), first, last);
  if (columns.dates.length > MAX_RESPONSE_POINTS) {
    throw tooLarge(`${meta.id} has ${columns.dates.length} points in this range, over the limit of ${MAX_RESPONSE_POINTS}; narrow from/to or ask for a lower frequency`);
  }
  return { seriesId: meta.id, frequency, aggregation, transform: how, asOf: args.asOf ?? null, ...columns };
}
