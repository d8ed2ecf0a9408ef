import { describe, expect, it } from 'vitest';
import { parseCli, USAGE } from '../../api/ingest/cli-args.js';
import { parseConfig } from '../../api/ingest/config.js';
import { CONNECTORS } from '../../api/ingest/connectors/index.js';
import { describeJob, expectedSeries, isFileJob } from '../../api/ingest/jobs.js';

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
    expect(() => parseConfig({ jobs: [{ kind: 'alphavantage', series: ['IWM'], outputSize: 'max' }] })).toThrow(
      'ingest.config.json: jobs[0] (alphavantage): "outputSize" must be "compact" (default) or "full" (premium keys only)',
    );
    expect(() => parseConfig({ jobs: [{ kind: 'polls', file: 'x.csv', states: 'yes' }] })).toThrow('jobs[0] (polls): "states" must be true or false');
    expect(parseConfig({ jobs: [{ kind: 'polls', file: 'x.csv', states: true }] })).toHaveLength(1);
  });

  it('every source in the registry is checked, described and offered on the command line by its own descriptor', () => {
    expect(() => parseConfig({ jobs: [{ kind: 'bloomberg' }] })).toThrow(
      'ingest.config.json: jobs[0]: "kind" must be one of fred, cftc, stooq, alphavantage, csv, polls, consensus, kalshi, clevelandfed',
    );
    expect(() => parseConfig({ jobs: [{ kind: 'fred', series: [] }] })).toThrow('jobs[0] (fred): "series" must be a non-empty list of series ids');
    expect(() =>
      parseConfig({
        jobs: [
          { kind: 'stooq', series: ['RUT'] },
          { kind: 'cftc', contract: 239742 },
        ],
      }),
    ).toThrow('jobs[1] (cftc): "contract" must be a contract code string such as "239742"');
    expect(() => parseConfig({ jobs: [{ kind: 'csv', file: 'a.csv', dateColumn: 'date', columns: [{ column: 'v' }] }] })).toThrow('jobs[0] (csv): "columns" must be a list of {"column", "id"}');
    expect(CONNECTORS.map((c) => c.kind)).toEqual(['fred', 'cftc', 'stooq', 'alphavantage', 'csv', 'polls', 'consensus', 'kalshi', 'clevelandfed', 'zq', 'zq-settlements']);
    for (const c of CONNECTORS) expect(USAGE).toContain(`  ${c.kind} `);
    expect(parseCli(['stooq', 'RUT', '--symbol', '^rut']).jobs).toEqual([{ kind: 'stooq', series: ['RUT'], symbols: { RUT: '^rut' } }]);
    expect(() => parseCli(['alphavantage', 'IWM', 'QQQ', '--symbol', 'IWM'])).toThrow('alphavantage: --symbol needs exactly one series id.');
    expect(() => parseCli(['bloomberg', 'SPX'])).toThrow('Unknown command "bloomberg".');
    expect(describeJob({ kind: 'cftc', contract: '239742' })).toBe('cftc 239742 F+C');
    expect(
      expectedSeries({
        kind: 'csv',
        file: 'a.csv',
        dateColumn: 'd',
        columns: [
          { column: 'a', id: 'A' },
          { column: 'b', id: 'B' },
        ],
      }),
    ).toBe(2);
    expect(isFileJob({ kind: 'fred', series: ['CPIAUCSL'] })).toBe(false);
    expect(isFileJob({ kind: 'csv', file: 'a.csv', dateColumn: 'd', columns: [] })).toBe(true);
  });
});
