// Putting two or more series on one date axis: an inner join on dates. A date is kept when every
// series has a row for it; a row whose value is null still counts as present, and its null is
// carried through (so a holiday blank in one series stays visible as a null downstream).
// Pass { dropMissing: true } to keep only dates where every value is a number.
import type { Columns } from './columns.js';
import { assertColumns, isPresent } from './columns.js';

export interface Aligned {
  dates: string[];
  /** values[k][i] belongs to series k on dates[i]. */
  values: (number | null)[][];
}

export interface AlignOptions {
  dropMissing?: boolean;
}

export function alignMany(series: readonly Columns[], options: AlignOptions = {}): Aligned {
  series.forEach((s, k) => assertColumns(`inputs[${k}]`, s));
  const maps = series.map((s) => new Map(s.dates.map((d, i) => [d, s.values[i]] as const)));
  const dates: string[] = [];
  const values: (number | null)[][] = series.map(() => []);
  if (series.length === 0) return { dates, values };
  for (const d of series[0].dates) {
    if (!maps.every((m) => m.has(d))) continue;
    const row = maps.map((m) => m.get(d) ?? null);
    if (options.dropMissing && !row.every(isPresent)) continue;
    dates.push(d);
    row.forEach((v, k) => values[k].push(isPresent(v) ? v : null));
  }
  return { dates, values };
}

/** Two-series form of alignMany. */
export function align(a: Columns, b: Columns, options: AlignOptions = {}): { dates: string[]; a: (number | null)[]; b: (number | null)[] } {
  const { dates, values } = alignMany([a, b], options);
  return { dates, a: values[0], b: values[1] };
}
