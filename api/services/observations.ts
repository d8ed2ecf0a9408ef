import { badInput, tooLarge } from '../errors/domain-error.js';
import { addDays } from '../series/dates.js';
import { convert } from '../series/convert.js';
import { trimDates } from '../series/range.js';
import { isLowerOrEqual, periodEnd, periodOf, PERIODS_PER_YEAR } from '../series/periods.js';
import type { Aggregation } from '../series/resample.js';
import { transform, type Transform } from '../series/transform.js';
import type { Columns, Frequency, Revision, SeriesMeta } from '../series/types.js';
import { missingPeriods } from '../series/gaps.js';
import type { SeriesReads } from '../store/request-reads.js';
import { publishedBy } from '../series/revision-history.js';
import { firstRelease, type Release } from './first-release.js';
import { maxResponsePoints } from './limits.js';

export interface ObservationArgs {
  from?: string | null;
  to?: string | null;
  frequency?: Frequency | null;
  aggregation?: Aggregation | null;
  transform?: Transform | null;
  asOf?: string | null;
  release?: Release | null;
  /** Keep an incomplete last period (flagged `partial`) instead of leaving it out (LATEST only). */
  includePartial?: boolean | null;
}

export interface ObservationResult extends Columns {
  seriesId: string;
  frequency: Frequency;
  aggregation: Aggregation;
  transform: Transform;
  asOf: string | null;
  release: Release;
  /** True when the last period returned is incomplete (only with includePartial). */
  partial: boolean;
  /** An expression's operands and notes (services/expressions.ts); absent for a stored series. */
  meta?: Record<string, unknown> | null;
  /** Periods the values depend on that the source never published (series/gaps.ts); a change across one is null. */
  missingPeriods: string[];
}

// Transforms that compare with earlier periods read this much further back, so the first value in
// range is computed rather than missing.
const LOOKBACK_DAYS = 2 * 366 + 14;
// YOY reads the same period a year earlier (a daily value up to a week before that day).
const YEAR_AGO_DAYS = 366 + 7;

export function validateRange(from?: string | null, to?: string | null): void {
  if (from && to && from > to) throw badInput(`"from" (${from}) is after "to" (${to}); swap them or widen the range`, 'from');
}

/** Reads, converts and transforms one series' observations as known on `asOf`. */
export async function readObservations(store: SeriesReads, meta: SeriesMeta, args: ObservationArgs): Promise<ObservationResult> {
  const frequency = args.frequency ?? meta.frequency;
  const aggregation = args.aggregation ?? 'LAST';
  const how = args.transform ?? 'LEVEL';
  const release = args.release ?? 'LATEST';
  validateRange(args.from, args.to);
  if (!isLowerOrEqual(frequency, meta.frequency)) {
    throw badInput(`${meta.id} is ${meta.frequency}; it can be converted to a lower frequency, not to ${frequency}`, 'frequency');
  }
  if (how === 'ANNUALIZED' && (frequency === 'DAILY' || frequency === 'WEEKLY')) {
    throw badInput(
      `ANNUALIZED compounds monthly or quarterly changes (FRED's definition, (x_t / x_(t-1))^n - 1); at ${frequency} frequency it would raise a day's move to the ${PERIODS_PER_YEAR[frequency]}th power. Pass frequency: MONTHLY or QUARTERLY, or use transform: PCT_CHANGE`,
      'transform',
    );
  }
  // Converting: whole periods, so the periods holding "from" and "to" are aggregated from all their
  // observations. Not converting: the observations dated in [from, to] (a weekly CFTC report is dated Tuesday).
  const converting = frequency !== meta.frequency;
  const first = args.from ? (converting ? periodOf(args.from, frequency) : args.from) : undefined;
  const last = args.to ? (converting ? periodOf(args.to, frequency) : args.to) : undefined;
  const needsHistory = how !== 'LEVEL' && how !== 'REBASE_100';
  const readFrom = first ? addDays(first, needsHistory ? -LOOKBACK_DAYS : -7) : undefined; // 7: a week's start before its Friday label
  const readTo = last && converting ? periodEnd(last, frequency) : (args.to ?? undefined);
  const shape = (known: Columns, includePartial: boolean): { columns: Columns; partial: boolean; levels: Columns } => {
    let columns = known;
    let partial = false;
    if (converting) ({ columns, partial } = convert(known, meta.frequency, frequency, aggregation, includePartial, meta.calendar));
    const levels = columns;
    const partialLabel = partial ? lastDateOf(columns) : undefined;
    columns = how === 'REBASE_100' ? transform(trimDates(columns, first, last), how, frequency) : trimDates(transform(columns, how, frequency), first, last);
    partial &&= columns.dates.length > 0 && lastDateOf(columns) === partialLabel;
    return { columns, partial, levels };
  };
  // A first release is of a complete period: an incomplete one was never published as that period.
  let result: { columns: Columns; partial: boolean; levels: Columns };
  if (release === 'FIRST') {
    const revisions = publishedBy(await store.readRevisions(meta.id, readFrom, readTo), args.asOf);
    const columns = firstRelease(revisions, {
      shape: (known) => shape(known, false).columns,
      labelOf: (date) => (converting ? periodOf(date, frequency) : date),
      historyDays: how === 'REBASE_100' ? 'all' : how === 'YOY' ? YEAR_AGO_DAYS : 0,
    });
    // A period never published is missing from every vintage, so the latest one known shows the gaps.
    const latest = latestKnown(revisions);
    result = { columns, partial: false, levels: converting ? convert(latest, meta.frequency, frequency, aggregation, false, meta.calendar).columns : latest };
  } else {
    result = shape(await store.readKnown(meta.id, readFrom, readTo, args.asOf ?? undefined), args.includePartial === true);
  }
  const { columns, partial } = result;
  const missing = gapsBehind(result.levels, columns, frequency, how);
  const limit = maxResponsePoints();
  if (columns.dates.length > limit) {
    throw tooLarge(`${meta.id} has ${columns.dates.length} points in this range, over the limit of ${limit}; narrow from/to or ask for a lower frequency`);
  }
  return { seriesId: meta.id, frequency, aggregation, transform: how, asOf: args.asOf ?? null, release, partial, missingPeriods: missing, ...columns };
}

const lastDateOf = (columns: Columns): string => columns.dates[columns.dates.length - 1];

const CHANGES: ReadonlySet<Transform> = new Set(['CHANGE', 'PCT_CHANGE', 'LOG_RETURN', 'ANNUALIZED']);

/**
 * The periods without a published value from the first to the last date returned; for a change,
 * from the observation the first change is measured from, so a gap just before `from` is named too.
 */
function gapsBehind(levels: Columns, returned: Columns, frequency: Frequency, how: Transform): string[] {
  if (returned.dates.length === 0) return [];
  const firstReturned = returned.dates[0];
  let start = firstReturned;
  if (CHANGES.has(how)) {
    for (let i = levels.dates.length - 1; i >= 0; i--) {
      if (levels.dates[i] < firstReturned && levels.values[i] !== null) {
        start = levels.dates[i];
        break;
      }
    }
  }
  return missingPeriods(levels, frequency, start, lastDateOf(returned));
}

/** Each date's latest value among revisions sorted by date then realtimeStart. */
function latestKnown(revisions: readonly Revision[]): Columns {
  const dates: string[] = [];
  const values: (number | null)[] = [];
  for (const r of revisions) {
    if (dates[dates.length - 1] === r.date) values[values.length - 1] = r.value;
    else {
      dates.push(r.date);
      values.push(r.value);
    }
  }
  return { dates, values };
}
