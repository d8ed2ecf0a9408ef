import { knownAsOf } from './revision-columns.js';
import type { Columns, Revision, RevisionColumns } from './types.js';

// A rescale is one record standing for a restatement that multiplies a whole stretch of history by
// one factor: a dividend or split in an adjusted price history ("published on `at`, every value
// dated on or before `through` is multiplied by `factor`"), a rebased index. Stored values stay as
// first published; the value in force on a day is computed on read (docs/series.md, "Storage"):
//
//   value(date, asOf) = round(v × Π factor_k, digits of the last k)
//
// where v is the date's newest stored value published on or before asOf, and k runs over the
// rescales published after v and on or before asOf whose `through` is on or after the date. A value
// stored on the day of a rescale is not scaled by it, so a day the rescale does not describe keeps
// the number the source sent. Scaling the stored value (not the last computed one) and rounding once
// keeps every computed value within one unit of the source's last digit, however many rescales follow.

export interface Rescale {
  /** The day the rescale was published (the ingest day, or the vintage that carried it). */
  at: string;
  /** The last observation date it scales; every earlier one is scaled too. */
  through: string;
  factor: number;
  /** Decimal places the source publishes, to which a scaled value is rounded; null: not rounded. */
  digits: number | null;
}

/** Rescales in the order they apply: by publication day, then as listed. */
export const byPublication = (rescales: readonly Rescale[]): Rescale[] => [...rescales].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** x rounded to `digits` decimals (half away from zero); null: x. Reads and writes round with this one function. */
export function roundTo(x: number, digits: number | null): number {
  if (digits === null) return x;
  const p = POW10[digits] ?? 10 ** digits;
  const r = (x < 0 ? -Math.round(-x * p) : Math.round(x * p)) / p;
  return r === 0 ? 0 : r; // never -0
}

/**
 * The value in force on `asOf` (the latest when absent) of a date whose newest stored value by then
 * is `value`, published on `published`; `rescales` in publication order.
 */
export function scaledValue(date: string, value: number | null, published: string, rescales: readonly Rescale[], asOf?: string): number | null {
  if (value === null || rescales.length === 0) return value;
  let factor = 1;
  let digits: number | null | undefined;
  for (const k of rescales) {
    if (asOf !== undefined && k.at > asOf) break;
    if (k.at <= published || date > k.through) continue;
    factor *= k.factor;
    digits = k.digits;
  }
  return digits === undefined ? value : roundTo(value * factor, digits);
}

/** True when some rescale scales a value of `date` published on `published`, by `asOf`. */
export function isScaled(date: string, published: string, rescales: readonly Rescale[], asOf?: string): boolean {
  for (const k of rescales) {
    if (asOf !== undefined && k.at > asOf) break;
    if (k.at > published && date <= k.through) return true;
  }
  return false;
}

/**
 * Stored revisions (canonical, sorted by date then publication) with each rescale written out as the
 * revision it stands for: the history a reader of revisions sees, one revision per change of value.
 * Costs a revision per date and rescale in memory, never in the store.
 */
export function materialize(stored: readonly Revision[], rescales: readonly Rescale[]): Revision[] {
  if (rescales.length === 0) return [...stored];
  const out: Revision[] = [];
  for (let i = 0; i < stored.length; i++) {
    const r = stored[i];
    const next = stored[i + 1]?.date === r.date ? stored[i + 1].realtimeStart : undefined;
    out.push(r);
    if (r.value === null) continue;
    let last = r.value;
    let factor = 1;
    for (const k of rescales) {
      if (k.at <= r.realtimeStart || r.date > k.through) continue;
      if (next !== undefined && k.at >= next) break;
      factor *= k.factor; // the same product, in the same order, as scaledValue
      const value = roundTo(r.value * factor, k.digits);
      if (value === last) continue;
      // several rescales on one day are one revision: the last written holds the value after all of them
      if (out[out.length - 1].realtimeStart === k.at && out[out.length - 1].date === r.date && out[out.length - 1] !== r) out[out.length - 1] = { date: r.date, value, realtimeStart: k.at };
      else out.push({ date: r.date, value, realtimeStart: k.at });
      last = value;
    }
  }
  return out;
}

/** Decimal places of a number as a source writes it (201.2345 → 4); null when it carries more than 10 (unrounded binary). */
export function decimalsOf(v: number): number | null {
  const text = String(v);
  if (text.includes('e')) return null;
  const dot = text.indexOf('.');
  const n = dot < 0 ? 0 : text.length - dot - 1;
  return n > 10 ? null : n;
}

/** How far a computed value may be from the source's `n` and still be its number: one unit of its last digit. */
export function toleranceFor(n: number, digits: number | null): number {
  return digits === null ? Math.abs(n) * 2 ** -23 : 10 ** -digits * (1 + 1e-9);
}

/** One stored date as a rescale sees it: its newest stored value and when it was published. */
export interface StoredValue {
  date: string;
  value: number | null;
  published: string;
}

export interface Compacted {
  rescales: Rescale[];
  /** What is still stored value by value, published on the day: the days no rescale describes. */
  revisions: Revision[];
}

const MIN_RUN = 6; // values in a row that must share one factor before it is taken for a rescale

/** Whether a release restating `count` stored dates can be compacted at all: fewer never form a rescale. */
export const mayCompact = (count: number): boolean => count >= MIN_RUN;

/**
 * Restatements published on `day` (the source's new number for dates already stored) as rescales
 * plus the values they do not describe, when that takes fewer records than storing each value;
 * null otherwise. `stored`: every stored date (newest stored value by `day`), ascending; `rescales`:
 * those already stored, in publication order. `exact`: each described value must be reproduced bit
 * for bit (a migration, which must change no answer); otherwise to one unit of the source's last digit.
 */
export function compactRestatements(stored: readonly StoredValue[], restated: ReadonlyMap<string, number | null>, day: string, rescales: readonly Rescale[], exact = false): Compacted | null {
  if (!mayCompact(restated.size)) return null;
  let digits: number | null = 0;
  for (const n of restated.values()) {
    if (n === null) continue;
    const d = decimalsOf(n);
    digits = d === null || digits === null ? null : Math.max(digits, d);
  }
  const tolerance = (n: number) => (exact ? 0 : toleranceFor(n, digits));
  // Per date, newest first: the value the source now sends and the unrounded value in force.
  const rows = stored
    .map((s) => {
      const base = s.value === null ? null : s.value * factorOn(s.date, s.published, rescales, day);
      return { date: s.date, base, target: restated.has(s.date) ? restated.get(s.date)! : scaledValue(s.date, s.value, s.published, rescales, day) };
    })
    .reverse();
  const loose = (n: number) => Math.max(3 * toleranceFor(n, digits), Math.abs(n) * 1e-12);
  const fits = (base: number | null, target: number | null, level: number) =>
    base === null || target === null ? base === target : base === 0 ? target === 0 : Math.abs(target - base * level) <= loose(target);

  // Segments of consecutive dates (newest first) that share one level (target / base).
  const segments: { through: string; level: number; nc: number; cc: number }[] = [];
  let level = 1;
  for (let i = 0; i < rows.length; i++) {
    const { base, target } = rows[i];
    if (fits(base, target, level) || base === null || target === null || base === 0) {
      addTo(segments[segments.length - 1], base, target);
      continue;
    }
    const candidate = target / base;
    let agree = 0;
    for (let j = i; j < rows.length && agree < MIN_RUN; j++) {
      if (rows[j].base === null || rows[j].base === 0) continue;
      if (!fits(rows[j].base, rows[j].target, candidate)) break;
      agree++;
    }
    if (agree < Math.min(MIN_RUN, rows.length - i)) continue; // a lone change: stored as a value below
    segments.push({ through: rows[i].date, level: candidate, nc: 0, cc: 0 });
    addTo(segments[segments.length - 1], base, target);
    level = candidate;
  }
  // Each level by least squares over its segment: one rounded value says little, hundreds say a lot.
  const added: Rescale[] = [];
  let above = 1;
  for (const s of segments) {
    const fitted = s.cc > 0 ? s.nc / s.cc : s.level;
    if (fitted !== above) added.push({ at: day, through: s.through, factor: fitted / above, digits });
    above = fitted;
  }
  if (added.length === 0) return null;
  const all = [...rescales, ...added];
  const revisions: Revision[] = [];
  for (const s of stored) {
    const target = restated.has(s.date) ? restated.get(s.date)! : scaledValue(s.date, s.value, s.published, rescales, day);
    const computed = scaledValue(s.date, s.value, s.published, all, day);
    // Within one unit only where a new rescale computed the value: elsewhere a one-unit change is a revision.
    const scaled = added.some((k) => s.date <= k.through);
    const same = computed === null || target === null ? computed === target : Object.is(computed, target) || (scaled && Math.abs(computed - target) <= tolerance(target));
    if (!same) revisions.push({ date: s.date, value: target, realtimeStart: day });
  }
  if (added.length + revisions.length >= restated.size) return null;
  return { rescales: added, revisions };
}

function addTo(s: { nc: number; cc: number } | undefined, base: number | null, target: number | null): void {
  if (!s || base === null || target === null) return;
  s.nc += target * base;
  s.cc += base * base;
}

/** The product of the factors already applying, on `day`, to a value of `date` published on `published`. */
function factorOn(date: string, published: string, rescales: readonly Rescale[], day: string): number {
  let f = 1;
  for (const k of rescales) {
    if (k.at > day) break;
    if (k.at > published && date <= k.through) f *= k.factor;
  }
  return f;
}

/**
 * The values known on `asOf` across chunks given in date order, dated in [from, to], with the
 * rescales applied: the read path of a series that has any (knownAsOf without them).
 */
export function knownScaled(chunks: readonly RevisionColumns[], rescales: readonly Rescale[], asOf?: string, from?: string | null, to?: string | null): Columns {
  if (rescales.length === 0 || (asOf !== undefined && rescales[0].at > asOf)) return knownAsOf(chunks, asOf, from, to);
  const out: Columns = { dates: [], values: [] };
  for (const c of chunks) {
    const { dates, values, realtimeStarts } = c;
    for (let i = 0; i < dates.length;) {
      const date = dates[i];
      let end = i;
      while (end + 1 < dates.length && dates[end + 1] === date) end++;
      let k = -1;
      for (let j = i; j <= end; j++) if (asOf === undefined || realtimeStarts[j] <= asOf) k = j;
      if (k >= 0 && (!from || date >= from) && (!to || date <= to)) {
        out.dates.push(date);
        out.values.push(scaledValue(date, values[k], realtimeStarts[k], rescales, asOf));
      }
      i = end + 1;
    }
  }
  return out;
}

/** Per stored date, its newest stored value published by `asOf` (the latest when absent), ascending. */
export function storedValues(revisions: readonly Revision[], asOf?: string): StoredValue[] {
  const out: StoredValue[] = [];
  for (const r of revisions) {
    if (asOf !== undefined && r.realtimeStart > asOf) continue;
    const v = { date: r.date, value: r.value, published: r.realtimeStart };
    if (out.length && out[out.length - 1].date === r.date) out[out.length - 1] = v;
    else out.push(v);
  }
  return out;
}

/**
 * How far a source's number may be from the value in force of `date` (newest stored value published
 * on `published`) and still be the same: one unit of the last digit when a rescale computed it (it
 * reproduces the source to that digit, not bit for bit), else 0.
 */
export function scaledTolerance(date: string, value: number, published: string, rescales: readonly Rescale[]): number {
  let digits: number | null | undefined;
  for (const k of rescales) if (k.at > published && date <= k.through) digits = k.digits;
  return digits === undefined ? 0 : toleranceFor(value, digits);
}
