import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';

/** One candidate's share in one question of one poll, as 538's president_polls.csv lists it. */
export interface PollRow {
  pollId: string;
  questionId: string;
  pollster: string;
  /** 538's grade on its 0.5-3.0 numeric scale (letter grades converted), null when ungraded */
  grade: number | null;
  endDate: string;
  sampleSize: number | null;
  population: string;
  answer: string;
  pct: number;
  /** blank for a national poll, else the state (or district, "Maine CD-2") as 538 writes it */
  state: string;
  /** the election year the poll is about */
  cycle: number;
  row: number;
}

const REQUIRED = ['poll_id', 'question_id', 'pollster', 'end_date', 'sample_size', 'population', 'answer', 'pct'];

/**
 * 538's letter grades (files before 2023, column `fte_grade`) on the 0.5-3.0 scale of the later
 * `numeric_grade` (3.0 best, as A+ was). 538 published no conversion; this one steps down about 0.2
 * a grade from A+ = 3.0 to D- = 0.5, with the split grades (A/B, B/C, C/D) between their neighbours.
 */
export const LETTER_GRADES: Record<string, number> = {
  'A+': 3.0,
  A: 2.8,
  'A-': 2.6,
  'A/B': 2.5,
  'B+': 2.3,
  B: 2.1,
  'B-': 1.9,
  'B/C': 1.7,
  'C+': 1.5,
  C: 1.3,
  'C-': 1.1,
  'C/D': 1.0,
  'D+': 0.8,
  D: 0.7,
  'D-': 0.5,
};

/**
 * 538 writes dates as M/D/YY ("5/9/24") in its downloads and some mirrors rewrite them as ISO
 * ("2024-05-09"); both are read. Two-digit years are 20YY: 538's poll files start in the 2000s.
 */
export function pollDate(text: string): string | undefined {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s);
  if (!m) return undefined;
  const year = m[3].length === 2 ? `20${m[3]}` : m[3];
  const iso = `${year}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** The presidential election a poll is about: the `cycle` column, else `election_date`'s year, else the next election year after the poll. */
function cycleOf(r: Record<string, string>, endDate: string): number | undefined {
  if (r.cycle?.trim()) return Number(r.cycle.trim());
  const election = r.election_date ? pollDate(r.election_date) : undefined;
  if (election) return Number(election.slice(0, 4));
  const year = Number(endDate.slice(0, 4));
  return year + ((4 - (year % 4)) % 4);
}

export function parsePolls(text: string, file: string): PollRow[] {
  const origin = { source: `538 polls ${file}` };
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, bom: true, info: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as Error & { lines?: number };
    fail(origin, err.lines, `not readable as CSV: ${err.message}`);
  }
  if (records.length === 0) fail(origin, undefined, 'file has no rows below the header');
  const columns = Object.keys(records[0].record);
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (!columns.includes('numeric_grade') && !columns.includes('fte_grade')) missing.push('numeric_grade (or fte_grade)');
  if (missing.length) fail(origin, 1, `missing column(s) ${missing.join(', ')}`);
  const out: PollRow[] = [];
  for (const { record: r, info } of records) {
    const row = info.lines;
    const where = { ...origin, series: r.answer || undefined };
    // only general-election presidential questions make a presidential polling average
    if (r.stage !== undefined && r.stage.trim() !== '' && r.stage.trim() !== 'general') continue;
    if (r.office_type !== undefined && r.office_type.trim() !== '' && r.office_type.trim() !== 'U.S. President') continue;
    const num = (col: string, optional: boolean): number | null => {
      const raw = (r[col] ?? '').trim();
      if (raw === '' && optional) return null;
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) fail(where, row, `${col} "${raw}" is not a number`);
      return n;
    };
    const endDate = pollDate(r.end_date) ?? fail(where, row, `end_date "${r.end_date}" is not a date (538 writes M/D/YY, e.g. 5/9/24, or YYYY-MM-DD)`);
    let grade: number | null;
    if (columns.includes('numeric_grade')) grade = num('numeric_grade', true);
    else {
      const letter = r.fte_grade.trim();
      grade = letter === '' ? null : (LETTER_GRADES[letter] ?? fail(where, row, `fte_grade "${letter}" is not one of 538's letter grades (${Object.keys(LETTER_GRADES).join(', ')})`));
    }
    const cycle = cycleOf(r, endDate);
    if (!cycle || !Number.isInteger(cycle)) fail(where, row, `cycle "${r.cycle}" is not a year`);
    out.push({
      pollId: r.poll_id,
      questionId: r.question_id,
      pollster: r.pollster,
      grade,
      endDate,
      sampleSize: num('sample_size', true),
      population: r.population,
      answer: r.answer,
      pct: num('pct', false) as number,
      state: (r.state ?? '').trim(),
      cycle,
      row,
    });
  }
  return out;
}
