import type { Revision, SeriesMeta } from '../series/types.js';
import type { SeriesDescription } from './types.js';

/** Metadata that follows from the stored points: span and release dates (vintages). */
export function deriveMeta(description: SeriesDescription, all: Revision[], previous: SeriesMeta | null): Omit<SeriesMeta, 'lastUpdated'> {
  const dates = all.map((r) => r.date).sort();
  const vintages = new Set([...(previous?.vintages ?? []), ...all.map((r) => r.realtimeStart)]);
  const meta: Omit<SeriesMeta, 'lastUpdated'> = { ...description, vintages: [...vintages].sort() };
  if (dates.length) {
    meta.firstDate = dates[0];
    meta.lastDate = dates[dates.length - 1];
  }
  return meta;
}

/** Key-order-independent comparison, since stored items come back with keys in any order. */
export function sameMeta(a: object, b: object): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}
