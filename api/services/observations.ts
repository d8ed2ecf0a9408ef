import { badInput, tooLarge } from '../errors/domain-error.js';
import { addDays } from '../series/dates.js';
import { isLowerOrEqual, periodOf } from '../series/periods.js';
import { resample, type Aggregation } from '../series/resample.js';
import { transform, type Transform } from '../series/transform.js';
import type { Columns, Frequency, SeriesMeta } from '../series/types.js';
import type { SeriesReads } from '../store/request-reads.js';
import { columnsAsOf } from '../series/revisions.js';
import { maxResponsePoints } from './limits.js';

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

/** The rows with dates in [first, last]; dates are ascending, so two binary searches and one slice. */
function trim(columns: Columns, first?: string, last?: string): Columns {
  const lo = first ? lowerBound(columns.dates, first) : 0;
  const hi = last ? upperBound(columns.dates, last) : columns.dates.length;
  if (lo === 0 && hi === columns.dates.length) return columns;
  return { dates: columns.dates.slice(lo, hi), values: columns.values.slice(lo, hi) };
}

function lowerBound(dates: string[], target: string): number {
  let lo = 0, hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const upperBound = (dates: string[], target: string): number => lowerBound(dates, `${target}\uffff`);

/** Reads, converts and transforms one series' observations as known on `asOf`. */
export async function readObservations(store: SeriesReads, meta: SeriesMeta, args: ObservationArgs): Promise<ObservationResult> {
  const frequency = args.frequency ?? meta.frequency;
  const aggregation = args.aggregation ?? 'LAST';
  const how = args.transform ?? 'LEVEL';
  validateRange(args.from, args.to);
  if (!isLowerOrEqual(frequency, meta.frequency)) {
    throw badInput(`${meta.id} is ${meta.frequency}; it can be converted to a lower frequency, not to ${frequency}`, 'frequency');
  }
  // Converting: whole periods, so the period holding "from" is aggregated from all its observations.
  // Not converting: the observations dated in [from, to] (a weekly CFTC report is dated Tuesday).
  const converting = frequency !== meta.frequency;
  const first = args.from ? (converting ? periodOf(args.from, frequency) : args.from) : undefined;
  const last = args.to ? (converting ? periodOf(args.to, frequency) : args.to) : undefined;
  const needsHistory = how !== 'LEVEL' && how !== 'REBASE_100';
  const readFrom = first ? addDays(first, needsHistory ? -LOOKBACK_DAYS : -7) : undefined; // 7: a week's start before its Friday label
  const revisions = await store.readRevisions(meta.id, readFrom, args.to ?? undefined);
  let columns = columnsAsOf(revisions, args.asOf ?? undefined);
  if (converting) columns = resample(columns, frequency, aggregation);
  columns = how === 'REBASE_100' ? transform(trim(columns, first, last), how, frequency) : trim(transform(columns, how, frequency), first, last);
  const limit = maxResponsePoints();
  if (columns.dates.length > limit) {
    throw tooLarge(`${meta.id} has ${columns.dates.length} points in this range, over the limit of ${limit}; narrow from/to or ask for a lower frequency`);
  }
  return { seriesId: meta.id, frequency, aggregation, transform: how, asOf: args.asOf ?? null, ...columns };
}
