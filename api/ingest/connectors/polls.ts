import type { Connector } from '../connector.js';
import { DEFAULT_CANDIDATES, readPollSeries } from './polls-client.js';

export type PollsJob = { kind: 'polls'; file: string; candidates?: string[]; states?: boolean };

/** 538 polls (a file or a URL) → daily national averages per candidate, and per state when asked. */
export const polls: Connector<PollsJob> = {
  kind: 'polls',
  check(job, needs) {
    needs('file', (v) => typeof v === 'string', 'a file path relative to the repository');
    if (job.states !== undefined) needs('states', (v) => typeof v === 'boolean', 'true or false');
  },
  describe: (job) => `polls ${job.file}`,
  expectedSeries: (job) => (job.candidates ?? DEFAULT_CANDIDATES).length, // national; state series are extra
  fetch: (job, { http }) => readPollSeries(job.file, { candidates: job.candidates, states: job.states, http }),
  readsLocalFile: (job) => !/^https?:\/\//i.test(job.file),
  command: {
    usage: ['  polls [FILE] [--candidates Trump,Harris] [--states]  538 polls → daily national averages (and per state)'],
    options: { candidates: { type: 'string' }, states: { type: 'boolean' } },
    build: ({ args, values }) => ({
      kind: 'polls',
      file: args[0] ?? 'data/real/polls_538_national_president_2024_to_0730.csv',
      candidates: (values.candidates as string | undefined)?.split(',').map((s) => s.trim()),
      states: (values.states as boolean | undefined) ?? false,
    }),
  },
};
