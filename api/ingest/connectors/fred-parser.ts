import type { Frequency, Revision } from '../../series/types.js';
import { isIsoDate } from '../../series/dates.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesDescription } from '../types.js';

/** FRED's `frequency_short` codes that map onto Tide's frequencies. */
const FREQUENCIES: Record<string, Frequency> = { D: 'DAILY', W: 'WEEKLY', M: 'MONTHLY', Q: 'QUARTERLY', A: 'ANNUAL' };

type Row = Record<string, unknown>;

function field(origin: Origin, row: Row, name: string, rowNo?: number): string {
  const v = row[name];
  if (typeof v !== 'string') fail(origin, rowNo, `field "${name}" is ${v === undefined ? 'missing' : `not a string (${JSON.stringify(v)})`}`);
  return v;
}

function asObject(origin: Origin, body: unknown, what: string): Row {
  if (!body || typeof body !== 'object' || Array.isArray(body)) fail(origin, undefined, `${what} response is not a JSON object`);
  const obj = body as Row;
  if ('error_message' in obj) fail(origin, undefined, `FRED refused the request: ${String(obj.error_message)} (error_code ${String(obj.error_code)})`);
  return obj;
}

/** `/fred/series` → our description of the series. */
export function parseFredSeries(body: unknown, seriesId: string): SeriesDescription {
  const origin = { source: 'FRED /series', series: seriesId };
  const list = asObject(origin, body, '/series').seriess;
  if (!Array.isArray(list) || list.length === 0) fail(origin, undefined, 'field "seriess" is missing or empty');
  const s = list[0] as Row;
  const code = field(origin, s, 'frequency_short', 1);
  const frequency = FREQUENCIES[code];
  if (!frequency) fail(origin, 1, `frequency "${code}" (${String(s.frequency)}) is not one Tide stores (D, W, M, Q, A)`);
  const adjustment = typeof s.seasonal_adjustment_short === 'string' ? s.seasonal_adjustment_short : undefined;
  return {
    id: seriesId,
    name: field(origin, s, 'title', 1),
    unit: adjustment && adjustment !== 'NSA' ? `${field(origin, s, 'units', 1)}, ${adjustment}` : field(origin, s, 'units', 1),
    frequency,
    source: { name: 'FRED, Federal Reserve Bank of St. Louis', url: `https://fred.stlouisfed.org/series/${seriesId}`, sourceId: seriesId },
    ...(typeof s.notes === 'string' ? { notes: s.notes } : {}),
  };
}

export interface ObservationPage {
  revisions: Revision[];
  count: number;
  offset: number;
  limit: number;
}

/**
 * `/fred/series/observations` (output_type=1, observations by real-time period): each row holds a
 * value valid from realtime_start to realtime_end, so realtime_start is the release that published
 * it. FRED writes a missing value as ".". `firstRow` keeps row numbers true across pages.
 */
export function parseFredObservations(body: unknown, seriesId: string, firstRow = 1): ObservationPage {
  const origin = { source: 'FRED /series/observations', series: seriesId };
  const obj = asObject(origin, body, '/series/observations');
  if (!Array.isArray(obj.observations)) fail(origin, undefined, 'field "observations" is missing or not an array');
  const revisions = (obj.observations as Row[]).map((o, i) => {
    const row = firstRow + i;
    const date = field(origin, o, 'date', row);
    const realtimeStart = field(origin, o, 'realtime_start', row);
    const raw = field(origin, o, 'value', row);
    if (!isIsoDate(date)) fail(origin, row, `date "${date}" is not YYYY-MM-DD`);
    if (!isIsoDate(realtimeStart)) fail(origin, row, `realtime_start "${realtimeStart}" is not YYYY-MM-DD`);
    const value = raw === '.' ? null : Number(raw);
    if (value !== null && (raw.trim() === '' || !Number.isFinite(value))) fail(origin, row, `value "${raw}" for ${date} is not a number (FRED marks missing values with ".")`);
    return { date, value, realtimeStart };
  });
  const num = (name: string) => (typeof obj[name] === 'number' ? (obj[name] as number) : fail(origin, undefined, `field "${name}" is missing or not a number`));
  return { revisions, count: num('count'), offset: num('offset'), limit: num('limit') };
}

/**
 * ALFRED's archive of a series starts on one day (often in the 1990s): every observation older than
 * that carries the archive's first vintage date as its realtime_start, though it was first
 * published long before. Tide keeps that date (a value is never dated before it could be shown to
 * have been known), so `asOf` before the archive start has no values, and says so in the notes.
 * Returns the note, or undefined when no observation predates the first vintage by over a year.
 */
export function archiveNote(revisions: Revision[]): string | undefined {
  if (revisions.length === 0) return undefined;
  const first = revisions.reduce((m, r) => (r.realtimeStart < m ? r.realtimeStart : m), revisions[0].realtimeStart);
  const yearBefore = `${Number(first.slice(0, 4)) - 1}${first.slice(4)}`;
  const firstOf = new Map<string, string>();
  for (const r of revisions) if (!firstOf.has(r.date) || r.realtimeStart < firstOf.get(r.date)!) firstOf.set(r.date, r.realtimeStart);
  const backfilled = [...firstOf]
    .filter(([date, rs]) => rs === first && date < yearBefore)
    .map(([date]) => date)
    .sort();
  if (backfilled.length === 0) return undefined;
  return `ALFRED's vintage archive for this series begins ${first}: the ${backfilled.length} observations from ${backfilled[0]} to ${backfilled.at(-1)} carry that date as their first release (their original release dates are not in ALFRED), so asOf a date before ${first} has no values.`;
}
