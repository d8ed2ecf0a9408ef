import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../series/dates.js';
import type { Frequency, Revision } from '../../series/types.js';
import type { Transform } from '../../series/transform.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { decodeCsv } from './csv-decode.js';

/**
 * A consensus file: one row per survey of a release, `reference_period,survey_date,value` (other
 * columns, such as a source link, are kept out). The same period surveyed on several dates is a
 * revision of the expectation: each value is known from its survey date, so an `asOf` before the
 * survey sees nothing, and an `asOf` between two surveys sees the earlier one.
 */
export interface ConsensusMapping {
  id: string;
  name?: string;
  unit?: string;
  /** Needed when periods are written as days (2024-06-01); `2024-06` is monthly, `2024Q2` quarterly. */
  frequency?: Frequency;
  /** What the values forecast: the actual's transform (YOY: the year-over-year change, in percent). */
  expects?: Transform;
  sourceName?: string;
}

export const CONSENSUS_COLUMNS = ['reference_period', 'survey_date', 'value'] as const;

/** `2024-06-01`, `2024-06` or `2024Q2` → the period's first day and the frequency the form implies. */
export function parsePeriod(text: string): { date: string; frequency?: Frequency } | undefined {
  const q = /^(\d{4})-?Q([1-4])$/i.exec(text);
  if (q) return { date: `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`, frequency: 'QUARTERLY' };
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { date: `${text}-01`, frequency: 'MONTHLY' };
  return isIsoDate(text) ? { date: text } : undefined;
}

/** A consensus file (as bytes) → one series of expectations, each dated by its survey. Pure. */
export function parseConsensus(bytes: Uint8Array, file: string, mapping: ConsensusMapping): SeriesBatch {
  const origin: Origin = { source: `consensus ${file}`, series: mapping.id };
  const text = decodeCsv(bytes, origin);
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, { info: true, skip_empty_lines: true, trim: true, bom: true }) as unknown as typeof rows;
  } catch (e) {
    const err = e as Error & { lines?: number };
    fail(origin, err.lines, `not readable as CSV: ${err.message}`);
  }
  if (rows.length < 2) fail(origin, undefined, `file has no data rows below the header (expected columns ${CONSENSUS_COLUMNS.join(', ')})`);
  const header = rows[0].record.map((h) => h.toLowerCase());
  const [periodIdx, surveyIdx, valueIdx] = CONSENSUS_COLUMNS.map((column) => {
    const i = header.indexOf(column);
    if (i < 0) fail(origin, 1, `column "${column}" is not in the header; a consensus file has the columns ${CONSENSUS_COLUMNS.join(', ')} (found ${header.map((h) => `"${h}"`).join(', ')})`);
    return i;
  });
  const implied = new Set<Frequency>();
  const seen = new Map<string, number>();
  const revisions: Revision[] = rows.slice(1).map(({ record, info }) => {
    const row = info.lines;
    const period = parsePeriod(record[periodIdx]) ?? fail(origin, row, `reference_period "${record[periodIdx]}" is not YYYY-MM-DD, YYYY-MM or YYYYQn`);
    if (period.frequency) implied.add(period.frequency);
    const survey = record[surveyIdx];
    if (!isIsoDate(survey)) fail(origin, row, `survey_date "${survey}" is not a YYYY-MM-DD calendar day`);
    const raw = record[valueIdx];
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) fail(origin, row, `value "${raw}" for ${record[periodIdx]} is not a number (a consensus row must hold the expected figure)`);
    const key = `${period.date}|${survey}`;
    if (seen.has(key)) fail(origin, row, `reference period ${record[periodIdx]} surveyed on ${survey} appears twice (also row ${seen.get(key)})`);
    seen.set(key, row);
    return { date: period.date, value, realtimeStart: survey };
  });
  if (implied.size > 1) fail(origin, undefined, `reference periods mix monthly (YYYY-MM) and quarterly (YYYYQn) forms; one file holds one series`);
  const frequency = mapping.frequency ?? [...implied][0] ?? fail(origin, undefined, 'reference periods are written as days, so the frequency is unknown: pass --frequency (MONTHLY, QUARTERLY, ...)');
  revisions.sort((a, b) => (a.date === b.date ? (a.realtimeStart < b.realtimeStart ? -1 : 1) : a.date < b.date ? -1 : 1));
  return {
    meta: {
      id: mapping.id,
      name: mapping.name ?? `${mapping.id} (consensus)`,
      unit: mapping.unit ?? '',
      frequency,
      source: { name: mapping.sourceName ?? 'Consensus file', sourceId: file },
      notes: `Consensus expectations, each known from its survey date.${mapping.expects && mapping.expects !== 'LEVEL' ? ` The values forecast the actual's ${mapping.expects} transform in percent: SURPRISE takes the actual's ${mapping.expects} before comparing.` : ''}`,
      ...(mapping.expects && mapping.expects !== 'LEVEL' ? { expects: mapping.expects } : {}),
    },
    revisions,
    // the survey date is the source's own record of when the value was known: stored as delivered
    publication: 'stamped',
  };
}
