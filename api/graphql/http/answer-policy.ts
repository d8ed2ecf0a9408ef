import { addDays } from '../../series/dates.js';

// Whether one answer can never change, field by field. An answer is immutable only if every field in
// it is: data read as of a settled date, or parts of such data. Anything else (metadata that an
// ingest rewrites, the catalog, latest values, the FOMC calendar shipped with the code, schema
// introspection) makes the whole answer changeable.
//
// One definition for both ends: the server sets Cache-Control with it, and the Excel add-in, which
// bundles this file, sends as GET (cacheable by a CDN) exactly the requests it can tell are immutable.
// It is pure, and imports only date arithmetic, so that it can be bundled there.

/** Fields whose answer is fixed once their `asOf` is settled: every value comes from releases published by then. */
const AS_OF_FIELDS = new Set(['Series.observations', 'Series.latest', 'Query.indicator', 'Query.positioning', 'Query.cutProbabilities', 'Query.ratePath']);

/** Types that are pieces of an answer decided by their parent field (columns, outcomes). */
const PART_TYPES = new Set(['Observations', 'Observation', 'IndicatorResult', 'Positioning', 'CutProbabilities', 'RateOutcome', 'RatePath', 'RatePathMeeting']);

export type FieldVerdict = 'immutable' | 'neutral' | 'changeable';

/**
 * `settledBefore`: the first day whose releases may still be ingested or corrected (today minus the
 * settling window); an `asOf` before it is settled.
 */
export function fieldVerdict(parentType: string, fieldName: string, args: Record<string, unknown>, settledBefore: string): FieldVerdict {
  if (fieldName === '__typename') return 'neutral';
  if (PART_TYPES.has(parentType)) return 'neutral';
  if (parentType === 'Series' && fieldName === 'id') return 'neutral';
  if (parentType === 'Query' && fieldName === 'series') return 'neutral'; // unless it resolves to null: see the plugin
  if (AS_OF_FIELDS.has(`${parentType}.${fieldName}`)) {
    const asOf = args.asOf;
    return typeof asOf === 'string' && asOf < settledBefore ? 'immutable' : 'changeable';
  }
  return 'changeable';
}

/** An answer is immutable when some field reads settled data and no field can change (and nothing failed: the server's part). */
export function answerIsImmutable(verdicts: Iterable<FieldVerdict>): boolean {
  let fixed = false;
  for (const v of verdicts) {
    if (v === 'changeable') return false;
    if (v === 'immutable') fixed = true;
  }
  return fixed;
}

/** The settling window when TIDE_SETTLE_DAYS is not set; the add-in assumes it of every server. */
export const DEFAULT_SETTLE_DAYS = 7;

/** Days after which a release is taken as final: the ingest runs nightly, so a week leaves room for a missed run and a correction. */
export const settledBefore = (today: string, settleDays: number): string => addDays(today, -settleDays);
