import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SeriesBatch } from '../types.js';
import { dailyAverage } from './polls-average.js';
import { parsePolls } from './polls-parser.js';

export const DEFAULT_CANDIDATES = ['Trump', 'Biden', 'Harris', 'Kennedy'];

export const pollSeriesId = (answer: string) => `POLLS_US_PRES_2024_${answer.toUpperCase().replace(/[^A-Z0-9]/g, '')}`;

/** 538 national presidential polls file → one daily polling-average series per candidate. */
export async function readPollSeries(path: string, candidates: string[] = DEFAULT_CANDIDATES): Promise<SeriesBatch[]> {
  const file = basename(path);
  const rows = parsePolls(await readFile(path, 'utf8'), file);
  const lastDay = rows.reduce((m, r) => (r.endDate > m ? r.endDate : m), '');
  return candidates.map((answer) => {
    const revisions = dailyAverage(rows, answer, lastDay);
    if (revisions.length === 0) throw new Error(`538 polls ${file}: no polls name candidate "${answer}" (use the "answer" column's spelling)`);
    return {
      meta: {
        id: pollSeriesId(answer),
        name: `2024 US presidential national polling average: ${answer}`,
        unit: 'Percent',
        frequency: 'DAILY' as const,
        source: { name: 'ABC News/538 national polls, averaged by Tide', url: 'https://projects.fivethirtyeight.com/polls/', sourceId: `${file}#${answer}` },
        notes: '14-day trailing window; weights sqrt(sample size) x 538 grade / 3, split across a pollster\'s polls in the window; dated by end_date, public the next day.',
      },
      revisions,
    };
  });
}
