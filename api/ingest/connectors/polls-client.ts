import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { fetchText, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { dailyAverage } from './polls-average.js';
import { parsePolls, type PollRow } from './polls-parser.js';

export const DEFAULT_CANDIDATES = ['Trump', 'Biden', 'Harris', 'Kennedy'];

const idPart = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** `POLLS_US_PRES_2024_TRUMP` for the national average, `POLLS_US_PRES_2024_MICHIGAN_TRUMP` for a state's. */
export const pollSeriesId = (answer: string, cycle = 2024, state = '') => `POLLS_US_PRES_${cycle}_${state ? `${idPart(state)}_` : ''}${idPart(answer)}`;

export interface PollOptions {
  candidates?: string[];
  /** also one average per state (and district) with polls, as series of their own */
  states?: boolean;
  http?: HttpOptions;
}

const NOTES = "14-day trailing window; weights sqrt(sample size) x 538 grade / 3, split across a pollster's polls in the window; dated by end_date, public the next day.";

/**
 * 538 presidential polls file → one daily polling-average series per candidate. The national
 * average uses national polls only (blank `state`): state polls measure a different electorate.
 * With `states`, each state's polls make that state's own series. `path` is a file, or an http(s)
 * URL of the download (538 served president_polls.csv at projects.fivethirtyeight.com/polls/data/).
 */
export async function readPollSeries(path: string, options: PollOptions | string[] = {}): Promise<SeriesBatch[]> {
  const { candidates = DEFAULT_CANDIDATES, states = false, http } = Array.isArray(options) ? { candidates: options, http: undefined } : options;
  const remote = /^https?:\/\//i.test(path);
  const file = remote ? basename(new URL(path).pathname) : basename(path);
  const text = remote ? await fetchText(path, { source: `538 polls ${file}` }, http) : await readFile(path, 'utf8');
  const rows = parsePolls(text, file);
  const lastDay = rows.reduce((m, r) => (r.endDate > m ? r.endDate : m), '');
  const cycles = [...new Set(rows.map((r) => r.cycle))];
  if (cycles.length > 1) throw new Error(`538 polls ${file}: polls for several elections (${cycles.join(', ')}); give one file per cycle`);
  const cycle = cycles[0] ?? 2024;
  const national = rows.filter((r) => r.state === '');
  const out = candidates.map((answer) => {
    const batch = averageBatch(national, answer, lastDay, cycle, '', file);
    if (!batch) throw new Error(`538 polls ${file}: no national polls name candidate "${answer}" (use the "answer" column's spelling)`);
    return batch;
  });
  if (states) {
    const byState = new Map<string, PollRow[]>();
    for (const r of rows) if (r.state !== '') byState.set(r.state, [...(byState.get(r.state) ?? []), r]);
    for (const [state, list] of [...byState].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const answer of candidates) {
        const batch = averageBatch(list, answer, lastDay, cycle, state, file);
        if (batch) out.push(batch);
      }
    }
  }
  return out;
}

function averageBatch(rows: PollRow[], answer: string, lastDay: string, cycle: number, state: string, file: string): SeriesBatch | undefined {
  const revisions = dailyAverage(rows, answer, lastDay);
  if (revisions.length === 0) return undefined;
  const where = state || 'national';
  return {
    meta: {
      id: pollSeriesId(answer, cycle, state),
      name: `${cycle} US presidential ${where} polling average: ${answer}`,
      unit: 'Percent',
      frequency: 'DAILY' as const,
      source: {
        name: `ABC News/538 ${state ? `${state} ` : 'national '}polls, averaged by Tide`,
        url: 'https://projects.fivethirtyeight.com/polls/',
        sourceId: `${file}#${state ? `${state}#` : ''}${answer}`,
      },
      notes: state ? `${state} polls only. ${NOTES}` : `National polls only (state polls excluded). ${NOTES}`,
    },
    revisions,
    // a poll added late changes past days' averages: that is a restatement, not history
    publication: 'rule',
  };
}
