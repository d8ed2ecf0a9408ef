// release: FIRST — each result as it was first published (ALFRED's "initial release").
//
// A result (a month, a quarter's mean, a growth rate, a rolling correlation) is first published on
// the day its last input is first printed: that is the release that first showed it. Computing it
// from that day's data, rather than from each input's own first print, gives what the release
// printed (Q2 growth in the July advance release is Q2's advance level over Q1 *as known in July*),
// never a mix of vintages that no one ever saw.
import { addDays } from '../series/dates.js';
import type { Columns, Revision } from '../series/types.js';
import { columnsAsOf } from '../series/revisions.js';
import { lowerBound, upperBound } from '../series/sorted.js';

const dateOf = (r: Revision): string => r.date;

// The schema's Release enum (LATEST, FIRST), generated: one definition.
import type { Release } from '../generated/enums.js';

export type { Release };

/** When a result labelled with a period was first complete, and when its history last changed. */
export interface PublicationDays {
  /** The latest first-print day among the observations in the period. */
  complete: string;
  /** The last day anything dated in or before the period was published or revised. */
  settled: string;
  /** The earliest and latest raw observation dates in the period. */
  firstDate: string;
  lastDate: string;
  /** The first day anything in the period was published (a value or a missing one). */
  firstSeen: string;
}

type Span = Pick<PublicationDays, 'complete' | 'settled'>;

/**
 * Per result label (ascending): the days a result was first complete and last touched. When
 * `settled <= complete`, nothing it depends on changed after its first publication, so its first
 * release is its latest value and need not be recomputed.
 */
export function publicationDays(revisions: readonly Revision[], labelOf: (date: string) => string): Map<string, PublicationDays> {
  const out = new Map<string, PublicationDays>();
  let touched = '';
  for (let i = 0; i < revisions.length;) {
    const date = revisions[i].date;
    const seen = revisions[i].realtimeStart; // revisions of a date are in publication order
    let firstPrint: string | undefined;
    for (; i < revisions.length && revisions[i].date === date; i++) {
      const r = revisions[i];
      if (r.realtimeStart > touched) touched = r.realtimeStart;
      if (firstPrint === undefined && r.value !== null) firstPrint = r.realtimeStart;
    }
    const day = firstPrint ?? seen; // a date only ever published as missing counts from then
    const label = labelOf(date);
    const known = out.get(label);
    if (!known) {
      out.set(label, { complete: day, settled: touched, firstDate: date, lastDate: date, firstSeen: seen });
      continue;
    }
    if (day > known.complete) known.complete = day;
    if (seen < known.firstSeen) known.firstSeen = seen;
    known.settled = touched;
    known.lastDate = date;
  }
  return out;
}

/** The entry of the greatest label on or before `date` (labels ascending); undefined when none. */
export function atOrBefore(days: Map<string, PublicationDays>, labels: readonly string[], date: string): PublicationDays | undefined {
  const i = upperBound(labels, date) - 1;
  return i < 0 ? undefined : days.get(labels[i]);
}

/**
 * Where the period of the last value known (non-missing) on `day` before `own` starts: a change skips
 * missing observations, so it may reach back past any number of them. Walks back from `own` through
 * the revisions themselves, so it costs the distance reached back, not a pass over the whole series.
 */
function previousValueStart(revisions: readonly Revision[], own: string, day: string, days: Map<string, PublicationDays>, labelOf: (date: string) => string): string | undefined {
  let i = lowerBound(revisions, own, dateOf) - 1;
  while (i >= 0) {
    const date = revisions[i].date;
    let inForce: Revision | undefined;
    // A date's revisions are in publication order: walking back, the first published by `day` is the one in force.
    for (; i >= 0 && revisions[i].date === date; i--) if (inForce === undefined && revisions[i].realtimeStart <= day) inForce = revisions[i];
    if (inForce !== undefined && inForce.value !== null) return days.get(labelOf(date))?.firstDate ?? date;
  }
  return undefined;
}

/**
 * Groups result dates by the day they must be recomputed as of; dates whose history never changed
 * after their first publication are left out (their latest value is their first release).
 */
export function recomputeDays(dates: readonly string[], dayOf: (date: string) => Span | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const date of dates) {
    const d = dayOf(date);
    if (!d || d.settled <= d.complete) continue;
    const group = groups.get(d.complete);
    if (group) group.push(date);
    else groups.set(d.complete, [date]);
  }
  return groups;
}

export interface Shaping {
  /** Turns raw values as known at one moment into results (frequency conversion, transform, range). */
  shape(known: Columns): Columns;
  /** The result date a raw observation date belongs to (its period's label when converting). */
  labelOf(date: string): string;
  /**
   * How many days of raw history before a result's period the shaping reads beyond the previous
   * period (which is always read); 'all' when it needs everything (REBASE_100).
   */
  historyDays: number | 'all';
}

/** Revisions dated in [from, to] (revisions are sorted by date). */
function slice(revisions: Revision[], from: string, to: string): Revision[] {
  return revisions.slice(lowerBound(revisions, from, dateOf), lowerBound(revisions, `${to}\uffff`, dateOf));
}

/**
 * One series' results as first published: `shape` applied to the data known on the day each result
 * was first complete. `revisions` are canonical and already limited to what was published by asOf.
 */
export function firstRelease(revisions: Revision[], s: Shaping): Columns {
  const latest = s.shape(columnsAsOf(revisions));
  const days = publicationDays(revisions, s.labelOf);
  const first = new Map<string, number | null>();
  for (const [day, dates] of recomputeDays(latest.dates, (d) => days.get(d))) {
    // Only the history the shaping reads before these results (plus their own periods), so a daily
    // series revised here and there costs a few windows, not the whole series per result: the
    // lookback in days, and at least the previous period then known however far back (a change
    // against the previous observation after a long gap).
    let input = revisions;
    // A year-ago comparison can need any older history once values are missing: it reads all of it.
    if (s.historyDays === 0) {
      const own = days.get(dates[0])?.firstDate ?? dates[0];
      const lookback = s.historyDays > 0 ? addDays(own, -s.historyDays) : own;
      const previous = previousValueStart(revisions, own, day, days, s.labelOf) ?? lookback;
      input = slice(revisions, previous < lookback ? previous : lookback, days.get(dates[dates.length - 1])?.lastDate ?? dates[dates.length - 1]);
    }
    const then = s.shape(columnsAsOf(input, day));
    // Both date lists ascend: walk them together.
    for (let i = 0, j = 0; i < dates.length; i++) {
      while (j < then.dates.length && then.dates[j] < dates[i]) j++;
      first.set(dates[i], j < then.dates.length && then.dates[j] === dates[i] ? then.values[j] : null);
    }
  }
  return { dates: latest.dates, values: latest.dates.map((d, i) => (first.has(d) ? first.get(d)! : latest.values[i])) };
}
