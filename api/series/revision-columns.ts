import { trimDates } from './range.js';
import type { Columns, Revision, RevisionColumns } from './types.js';

// The read path of observations works on chunks as stored (columns), not on one object per revision:
// turning 100,000 revisions into objects and back into columns cost more than encoding the answer.

/** The rows as Revision objects (for the code that works on revision lists). */
export function revisionsOf(c: RevisionColumns): Revision[] {
  const out = new Array<Revision>(c.dates.length);
  for (let i = 0; i < out.length; i++) out[i] = { date: c.dates[i], value: c.values[i], realtimeStart: c.realtimeStarts[i] };
  return out;
}

/** Revisions in columns; `revisions` sorted by date then realtimeStart. */
export function columnsOfRevisions(revisions: readonly Revision[]): RevisionColumns {
  const c: RevisionColumns = { dates: new Array(revisions.length), values: new Array(revisions.length), realtimeStarts: new Array(revisions.length) };
  for (let i = 0; i < revisions.length; i++) {
    c.dates[i] = revisions[i].date;
    c.values[i] = revisions[i].value;
    c.realtimeStarts[i] = revisions[i].realtimeStart;
  }
  return c;
}

/**
 * The value in force for each date of one chunk on `asOf` (the latest when absent): the same rule as
 * `inForce`, row for row. Most chunks hold one revision per date, all published by `asOf`: those
 * are answered with their own columns, uncopied.
 */
export function knownInChunk(c: RevisionColumns, asOf?: string): Columns {
  const { dates, values, realtimeStarts } = c;
  let simple = true;
  for (let i = 0; i < dates.length && simple; i++) simple = (i === 0 || dates[i] !== dates[i - 1]) && (asOf === undefined || realtimeStarts[i] <= asOf);
  if (simple) return { dates, values };
  const out: Columns = { dates: [], values: [] };
  for (let i = 0; i < dates.length; i++) {
    if (asOf !== undefined && realtimeStarts[i] > asOf) continue;
    if (out.dates.length > 0 && out.dates[out.dates.length - 1] === dates[i]) out.values[out.values.length - 1] = values[i];
    else {
      out.dates.push(dates[i]);
      out.values.push(values[i]);
    }
  }
  return out;
}

/**
 * The values known on `asOf` across chunks given in date order, dated in [from, to] when given, as one
 * pair of new columns: the edge chunks are cut first, so the rows are copied once, by the engine's
 * concat (far fewer allocations than pushing row by row).
 */
export function knownAsOf(chunks: readonly RevisionColumns[], asOf?: string, from?: string | null, to?: string | null): Columns {
  const parts = chunks.map((c) => knownInChunk(c, asOf));
  if (parts.length) {
    parts[0] = trimDates(parts[0], from, to);
    parts[parts.length - 1] = trimDates(parts[parts.length - 1], from, to);
  }
  return { dates: ([] as string[]).concat(...parts.map((p) => p.dates)), values: ([] as (number | null)[]).concat(...parts.map((p) => p.values)) };
}
