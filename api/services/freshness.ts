import { daysLate, expectedDue, isStale, type ExpectedFrom } from '../series/freshness.js';
import { publisherCalendarName, publisherCalendarOf, releaseCalendarOf } from '../series/publisher-calendar.js';
import type { SeriesMeta } from '../series/types.js';
import type { CheckReader } from '../store/check-records.js';

// What `series { freshness }`, the front page, the ingest's metrics and `npm run ingest -- status`
// all report, from one computation: the newest observation stored, the last successful check by the
// ingest, the day the next observation was due (series/freshness.ts), by the publisher's calendar the
// series follows (series/publisher-calendar.ts) where it reaches, and whether that day has passed.

export interface Freshness {
  lastObservation: string | null;
  lastChecked: string | null;
  expectedBy: string | null;
  /** CALENDAR when the publisher's calendar gave expectedBy, RULE when the lag rule did; null with expectedBy. */
  expectedFrom: ExpectedFrom | null;
  /** The publisher's calendar the series follows, by name; null when Tide knows none. */
  calendar: string | null;
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

/** The freshness of one series, on `today`, from its metadata (which says its calendar) and its last check. */
export function freshnessOf(meta: Pick<SeriesMeta, 'id' | 'frequency' | 'source' | 'calendar' | 'lastDate' | 'ended'>, lastChecked: string | null, today: string): Freshness {
  const last = meta.lastDate ?? null;
  const publisher = publisherCalendarOf(meta);
  // a series that has ended expects nothing more: without this every settled market would be listed stale for ever
  const due = last && !meta.ended ? expectedDue(last, meta.frequency, publisher && releaseCalendarOf(publisher)) : null;
  return {
    lastObservation: last,
    lastChecked,
    expectedBy: due?.date ?? null,
    expectedFrom: due?.from ?? null,
    calendar: publisher ? publisherCalendarName(publisher) : null,
    stale: due !== null && isStale(due.date, today),
  };
}

/** One row per series: stale first (the latest first), then the rest by id. */
export async function freshnessTable(metas: SeriesMeta[], checks: CheckReader, today: string): Promise<FreshnessRow[]> {
  const rows = await Promise.all(
    metas.map(async (meta) => {
      const lastChecked = await checks.lastChecked(meta.id);
      const f = freshnessOf(meta, lastChecked, today);
      return { id: meta.id, name: meta.name, ...f, daysLate: f.expectedBy ? daysLate(f.expectedBy, today) : 0, kept: lastChecked !== null };
    }),
  );
  return rows.sort((a, b) => Number(b.stale) - Number(a.stale) || b.daysLate - a.daysLate || (a.id < b.id ? -1 : 1));
}

/** The table as text, for a terminal: one line per series, stale ones marked; `from` says whether the publisher's calendar or the lag rule dated `expected by`. */
export function formatFreshnessTable(rows: FreshnessRow[]): string {
  const head = ['series', 'last observation', 'last checked', 'expected by', 'from', 'stale'];
  const body = rows.map((r) => [
    r.id,
    r.lastObservation ?? '-',
    r.lastChecked ? r.lastChecked.slice(0, 16).replace('T', ' ') + 'Z' : 'never',
    r.expectedBy ?? '-',
    r.expectedFrom === 'CALENDAR' ? 'calendar' : r.expectedFrom === 'RULE' ? 'rule' : '-',
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
export async function staleSeries(catalog: { listMeta(): Promise<SeriesMeta[]> }, checks: CheckReader, today: string): Promise<FreshnessRow[]> {
  return (await freshnessTable(await catalog.listMeta(), checks, today)).filter((r) => r.stale);
}
