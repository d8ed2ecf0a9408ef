import { parse } from 'csv-parse/sync';
import { isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';

/** One candidate's share in one question of one poll, as 538's president_polls.csv lists it. */
export interface PollRow {
  pollId: string;
  questionId: string;
  pollster: string;
  grade: number | null;
  endDate: string;
  sampleSize: number | null;
  population: string;
  answer: string;
  pct: number;
  row: number;
}

const REQUIRED = ['poll_id', 'question_id', 'pollster', 'numeric_grade', 'end_date', 'sample_size', 'population', 'answer', 'pct'];

export function parsePolls(text: string, file: string): PollRow[] {
  const origin = { source: `538 polls ${file}` };
  const records = parse(text, { columns: true, skip_empty_lines: true, bom: true, info: true }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  const missing = REQUIRED.filter((c) => records.length && !(c in records[0].record));
  if (missing.length) fail(origin, 1, `missing column(s) ${missing.join(', ')}`);
  return records.map(({ record: r, info }) => {
    const row = info.lines;
    const num = (col: string, optional: boolean): number | null => {
      const raw = r[col].trim();
      if (raw === '' && optional) return null;
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) fail({ ...origin, series: r.answer }, row, `${col} "${raw}" is not a number`);
      return n;
    };
    if (!isIsoDate(r.end_date)) fail({ ...origin, series: r.answer }, row, `end_date "${r.end_date}" is not YYYY-MM-DD`);
    return {
      pollId: r.poll_id,
      questionId: r.question_id,
      pollster: r.pollster,
      grade: num('numeric_grade', true),
      endDate: r.end_date,
      sampleSize: num('sample_size', true),
      population: r.population,
      answer: r.answer,
      pct: num('pct', false) as number,
      row,
    };
  });
}
