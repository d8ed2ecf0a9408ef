import { daysLate, expectedBy, isStale, type ReleaseCalendar } from '../series/freshness.js';
import type { SeriesMeta } from '../series/types.js';
import type { CheckReader } from '../store/check-records.js';

// What `series { freshness }`, the front page, the ingest's metrics and `npm run ingest -- status`
// all report, from one computation: the newest observation stored, the last successful check by the
// ingest, the day the next observation was due (series/freshness.ts) and whether that day has passed.

export interface Freshness {
  lastObservation: string | null;
  lastChecked: string | null;
  expectedBy: string | null;
  stale: boolean;
}

export interface FreshnessRow extends Freshness {
  id: string;
  name: string;
  /** Days past expectedBy (0 when not late). */
  daysLate: number;
  /** Kept by a schedule: the ingest has checked it at least once. */
  kept: boolean;
}

/** UTC day of `now`. */
export const utcDay = (now: Date): string => now.toISOString().slice(0, 10);

/** The freshness of one series, on `today`, from its metadata and its last check. */
export function freshnessOf(meta: Pick<SeriesMeta, 'frequency' | 'lastDate' | 'ended'>, lastChecked: string | null, today: string, calendar?: ReleaseCalendar): Freshness {
  const last = meta.lastDate ?? null;
  // a series that has ended expects nothing more: without this every settled market would be listed stale for ever
  const due = last && !meta.ended ? expectedBy(last, meta.frequency, calendar) : null;
  return { lastObservation: last, lastChecked, expectedBy: due, stale: due !== null && isStale(due, today) };
}

/** One row per series: stale first (the latest first), then the rest by id. */
export async function freshnessTable(metas: SeriesMeta[], checks: CheckReader, today: string, calendar?: ReleaseCalendar): Promise<FreshnessRow[]> {
  const rows = await Promise.all(
    metas.map(async (meta) => {
      const lastChecked = await checks.lastChecked(meta.id);
      const f = freshnessOf(meta, lastChecked, today, calendar);
      return { id: meta.id, name: meta.name, ...f, daysLate: f.expectedBy ? daysLate(f.expectedBy, today) : 0, kept: lastChecked !== null };
    }),
  );
  return rows.sort((a, b) => Number(b.stale) - Number(a.stale) || b.daysLate - a.daysLate || (a.id < b.id ? -1 : 1));
}

/** The table as text, for a terminal: one line per series, stale ones marked. */
export function formatFreshnessTable(rows: FreshnessRow[]): string {
  const head = ['series', 'last observation', 'last checked', 'expected by', 'stale'];
  const body = rows.map((r) => [
    r.id,
    r.lastObservation ?? '-',
    r.lastChecked ? r.lastChecked.slice(0, 16).replace('T', ' ') + 'Z' : 'never',
    r.expectedBy ?? '-',
    r.stale ? `STALE (${r.daysLate} d late)` : 'no',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  const stale = rows.filter((r) => r.stale).length;
  return [line(head), ...body.map(line), '', `${stale} of ${rows.length} series stale`].join('\n');
}

/** The stale series of a store on `today`, latest first: what the front page lists. */
export async function staleSeries(catalog: { listMeta(): Promise<SeriesMeta[]> }, checks: CheckReader, today: string, calendar?: ReleaseCalendar): Promise<FreshnessRow[]> {
  return (await freshnessTable(await catalog.listMeta(), checks, today, calendar)).filter((r) => r.stale);
}
