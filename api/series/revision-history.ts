import type { Revision } from './types.js';
import { columnsAsOf } from './revisions.js';

// Pure views of one series' revision history (canonical revisions: sorted by date then
// realtimeStart, no revision restating the value in force). They answer "what was published when",
// reading the revisions themselves, never a summary of them.

/** The revisions published on or before `asOf` (all of them when absent), in order. */
export function publishedBy(revisions: readonly Revision[], asOf?: string | null): Revision[] {
  return asOf ? revisions.filter((r) => r.realtimeStart <= asOf) : [...revisions];
}

/** Every published value of the observation dated `date`, oldest first. */
export function revisionsOf(revisions: readonly Revision[], date: string): Revision[] {
  return revisions.filter((r) => r.date === date);
}

/**
 * The day each observation was first published with a value (its first print); for one only ever
 * published as missing, the day that was published.
 */
export function firstPrintDates(revisions: readonly Revision[]): Map<string, string> {
  const first = new Map<string, string>();
  const hasValue = new Set<string>();
  for (const r of revisions) {
    if (hasValue.has(r.date)) continue;
    if (r.value !== null) {
      first.set(r.date, r.realtimeStart);
      hasValue.add(r.date);
    } else if (!first.has(r.date)) first.set(r.date, r.realtimeStart);
  }
  return first;
}

/** Decimal places of a published number as written (313.049 → 3), so differences can drop float noise. */
function decimals(v: number): number {
  const text = String(v);
  if (text.includes('e')) return 12;
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** after − before, rounded to the decimals of the two published values (313.044 − 313.049 = −0.005). */
export function difference(before: number, after: number): number {
  const places = Math.min(12, Math.max(decimals(before), decimals(after)));
  return Number((after - before).toFixed(places));
}

const same = (a: number | null | undefined, b: number | null | undefined): boolean => (a ?? null) === (b ?? null);

export interface Diff {
  dates: string[];
  before: (number | null)[];
  after: (number | null)[];
  change: (number | null)[];
}

/**
 * The observations whose value known on `since` differs from the value known on `asOf`, dates
 * ascending. One published after `since` has `before` null.
 */
export function diffBetween(revisions: readonly Revision[], since: string, asOf: string): Diff {
  const then = columnsAsOf(revisions as Revision[], since);
  const now = columnsAsOf(revisions as Revision[], asOf);
  const earlier = new Map(then.dates.map((d, i) => [d, then.values[i]]));
  const out: Diff = { dates: [], before: [], after: [], change: [] };
  now.dates.forEach((date, i) => {
    const before = earlier.get(date) ?? null;
    const after = now.values[i];
    if (earlier.has(date) && same(before, after)) return;
    if (!earlier.has(date) && after === null) return; // first published as missing: nothing to show
    out.dates.push(date);
    out.before.push(before);
    out.after.push(after);
    out.change.push(before === null || after === null ? null : difference(before, after));
  });
  return out;
}
