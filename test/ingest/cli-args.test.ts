import { describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { parseConfig } from '../../api/ingest/config.js';
import { isFileJob } from '../../api/ingest/jobs.js';

describe('ingest arguments and config for the real-format options', () => {
  it('polls takes a file or URL and --states; refresh needs no jobs', () => {
    expect(parseCli(['polls', 'https://example.org/president_polls.csv', '--candidates', 'Biden, Trump', '--states']).jobs).toEqual([
      { kind: 'polls', file: 'https://example.org/president_polls.csv', candidates: ['Biden', 'Trump'], states: true },
    ]);
    expect(parseCli(['polls']).jobs?.[0]).toMatchObject({ kind: 'polls', states: false });
    expect(parseCli(['refresh', '--stage', 'prod'])).toEqual({ command: 'refresh', target: { table: undefined, stage: 'prod', region: undefined } });
  });

  it('a polls job reading a URL can run where no local files are (the scheduled Lambda)', () => {
    expect(isFileJob({ kind: 'polls', file: 'data/real/polls.csv' })).toBe(true);
    expect(isFileJob({ kind: 'polls', file: 'https://example.org/president_polls.csv' })).toBe(false);
  });

  it('the config refuses a bad outputSize or states before any request', () => {
    expect(() => parseConfig({ jobs: [{ kind: 'alphavantage', series: ['IWM'], outputSize: 'max' }] })).toThrow('ingest.config.json: jobs[0] (alphavantage): "outputSize" must be "compact" (default) or "full" (premium keys only)');
    expect(() => parseConfig({ jobs: [{ kind: 'polls', file: 'x.csv', states: 'yes' }] })).toThrow('jobs[0] (polls): "states" must be true or false');
    expect(parseConfig({ jobs: [{ kind: 'polls', file: 'x.csv', states: true }] })).toHaveLength(1);
  });
});
