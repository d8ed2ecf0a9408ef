import type { Frequency } from '../../series/types.js';
import { isIsoDate } from '../../series/dates.js';

export type DateFormat = 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD.MM.YYYY';
export type DecimalMark = '.' | ',';

const MISSING = new Set(['', '.', '#N/A', 'N/A', 'NA', 'NaN']);

/** The format a date cell is written in, judged by its separator (Excel writes US dates with "/"). */
export function guessDateFormat(cell: string): DateFormat | undefined {
  const s = cell.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(s)) return 'YYYY-MM-DD';
  if (/^\d{1,2}\/\d{1,2}\/\d{4}/.test(s)) return 'MM/DD/YYYY';
  if (/^\d{1,2}\.\d{1,2}\.\d{4}/.test(s)) return 'DD.MM.YYYY';
  return undefined;
}

/** A date cell → ISO day, or undefined when it is not a real day in the given format. Excel's " 00:00:00" suffix is allowed. */
export function parseDate(cell: string, format: DateFormat): string | undefined {
  const s = cell.trim().replace(/[ T]00:00(:00)?$/, '');
  const pad = (x: string) => x.padStart(2, '0');
  let m: RegExpMatchArray | null;
  let iso: string | undefined;
  if (format === 'YYYY-MM-DD' && (m = s.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  if (format === 'MM/DD/YYYY' && (m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/))) iso = `${m[3]}-${pad(m[1])}-${pad(m[2])}`;
  if (format === 'DD.MM.YYYY' && (m = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/))) iso = `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  return iso && isIsoDate(iso) ? iso : undefined;
}

/**
 * A value cell → number, null for missing, or undefined when it is not a number. Thousands
 * separators must be in proper groups of three, so "1,5" under a "." decimal mark is refused
 * rather than read as 15.
 */
export function parseNumber(cell: string, decimal: DecimalMark): number | null | undefined {
  const s = cell.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (MISSING.has(s)) return null;
  const thousands = decimal === '.' ? ',' : '.';
  const t = thousands === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const grouped = new RegExp(`^[-+]?\\d{1,3}((${t}|\\s)\\d{3})+(${d}\\d+)?$`);
  const plain = new RegExp(`^[-+]?(\\d+(${d}\\d*)?|${d}\\d+)([eE][-+]?\\d+)?$`);
  if (!plain.test(s) && !grouped.test(s)) return undefined;
  const normal = s.replace(new RegExp(`(${t}|\\s)`, 'g'), '').replace(decimal, '.');
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/** The delimiter used most in the header line. */
export function guessDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 } as Record<',' | ';' | '\t', number>;
  for (const ch of headerLine) if (ch in counts) counts[ch as ',' | ';' | '\t']++;
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0] as ',' | ';' | '\t';
}

/** Frequency from the median gap between consecutive dates. */
export function inferFrequency(dates: string[]): Frequency {
  const gaps = dates
    .slice(1)
    .map((d, i) => (Date.parse(d) - Date.parse(dates[i])) / 86_400_000)
    .sort((a, b) => a - b);
  const median = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 1;
  return median <= 4 ? 'DAILY' : median <= 8 ? 'WEEKLY' : median <= 31 ? 'MONTHLY' : median <= 92 ? 'QUARTERLY' : 'ANNUAL';
}
