// What a TIDE cell showed as of one date against what it shows as of another, in a line a person
// can read: which values were revised (first one named), which rows appeared or went, or how an
// error became a value.
import { serialToIso } from '../shared/dates.js';

export type Outcome = { value: unknown; error?: undefined } | { error: string; value?: undefined };

export interface Comparison {
  changed: boolean;
  /** Empty when unchanged. */
  summary: string;
}

type Row = unknown[];

function show(v: unknown): string {
  if (v === '' || v === null || v === undefined) return '(empty)';
  return typeof v === 'number' ? String(Number(v.toPrecision(12))) : String(v);
}

function asDate(v: unknown): string {
  if (typeof v !== 'number') return show(v);
  try {
    return serialToIso(v);
  } catch {
    return show(v);
  }
}

const sameCell = (a: unknown, b: unknown): boolean => a === b || (typeof a === 'number' && typeof b === 'number' && Object.is(a, b));
const sameRow = (a: Row, b: Row): boolean => a.length === b.length && a.every((v, i) => sameCell(v, b[i]));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A dated spill: every row starts with a date serial and the rows are keyed by it. */
function isDated(rows: Row[]): boolean {
  return rows.length > 0 && rows.every((r) => typeof r[0] === 'number');
}

function compareDated(then: Row[], now: Row[]): string {
  const before = new Map(then.map((r) => [r[0] as number, r]));
  const after = new Set(now.map((r) => r[0] as number));
  let revised = 0;
  let firstRevision = '';
  let added = 0;
  for (const row of now) {
    const old = before.get(row[0] as number);
    if (!old) {
      added++;
      continue;
    }
    if (sameRow(old, row)) continue;
    revised++;
    if (!firstRevision) {
      const col = row.findIndex((v, i) => i > 0 && !sameCell(v, old[i]));
      firstRevision = ` (first ${asDate(row[0])}: ${show(old[col])} → ${show(row[col])})`;
    }
  }
  const removed = then.filter((r) => !after.has(r[0] as number)).length;
  const parts = [revised ? `${plural(revised, 'value')} revised${firstRevision}` : '', added ? `${plural(added, 'row')} added` : '', removed ? `${plural(removed, 'row')} gone` : ''].filter(Boolean);
  return parts.join('; ');
}

function compareTables(then: Row[], now: Row[]): string {
  if (then.length !== now.length) return `${plural(then.length, 'row')} then, ${now.length} now`;
  const differing = then.reduce((n, r, i) => n + r.filter((v, j) => !sameCell(v, now[i][j])).length, 0);
  return differing ? `${plural(differing, 'cell')} ${differing === 1 ? 'differs' : 'differ'}` : '';
}

/** Compares one cell's outcome as of the earlier date (`then`) with its outcome as of the later (`now`). */
export function compareOutcomes(then: Outcome, now: Outcome): Comparison {
  if (then.error !== undefined || now.error !== undefined) {
    if (then.error === now.error) return { changed: false, summary: '' };
    const side = (o: Outcome) => (o.error !== undefined ? o.error : Array.isArray(o.value) ? 'a result' : show(o.value));
    return { changed: true, summary: `then ${side(then)}; now ${side(now)}` };
  }
  const [a, b] = [then.value, now.value];
  if (Array.isArray(a) && Array.isArray(b)) {
    const summary = isDated(a as Row[]) && isDated(b as Row[]) ? compareDated(a as Row[], b as Row[]) : compareTables(a as Row[], b as Row[]);
    return { changed: summary !== '', summary };
  }
  if (sameCell(a, b)) return { changed: false, summary: '' };
  return { changed: true, summary: `${show(a)} → ${show(b)}` };
}
