import { describe, expect, it } from 'vitest';
import { canonical, columnsAsOf, inForce, mergeRevisions, summarize, vintagesOf } from '../../api/series/revisions.js';

const rev = (date: string, value: number | null, realtimeStart: string) => ({ date, value, realtimeStart });

describe('canonical revisions', () => {
  it('sorts by date then release, and drops a release that restates the value in force', () => {
    const out = canonical([rev('2024-06-01', 313.131, '2025-02-12'), rev('2024-06-01', 313.049, '2024-07-11'), rev('2024-06-01', 313.049, '2024-12-11')]);
    expect(out).toEqual([rev('2024-06-01', 313.049, '2024-07-11'), rev('2024-06-01', 313.131, '2025-02-12')]);
  });

  it('keeps the last write for the same release, and then drops what it made redundant', () => {
    const out = canonical([rev('2024-01-01', 1, '2024-01-05'), rev('2024-01-01', 2, '2024-02-05'), rev('2024-01-01', 2, '2024-01-05')]);
    expect(out).toEqual([rev('2024-01-01', 2, '2024-01-05')]);
  });

  it('keeps a value that returns to an earlier level, and a published missing value', () => {
    const out = canonical([rev('2024-01-01', 1, '2024-01-05'), rev('2024-01-01', null, '2024-02-05'), rev('2024-01-01', 1, '2024-03-05')]);
    expect(out).toHaveLength(3);
  });
});

describe('mergeRevisions', () => {
  it('counts only new revisions and is idempotent', () => {
    const stored = [rev('2024-01-01', 1, '2024-01-01')];
    const first = mergeRevisions(stored, [rev('2024-01-01', 1, '2024-01-01'), rev('2024-01-02', 2, '2024-01-02')]);
    expect(first.added).toBe(1);
    expect(mergeRevisions(first.merged, [rev('2024-01-02', 2, '2024-01-02')]).added).toBe(0);
  });

  it('gives the same result whatever order the vintages arrive in', () => {
    const a = [rev('2024-06-01', 313.049, '2024-07-11')];
    const b = [rev('2024-06-01', 313.131, '2025-02-12')];
    const c = [rev('2024-06-01', 313.049, '2024-12-11')];
    const one = mergeRevisions(mergeRevisions(mergeRevisions([], a).merged, b).merged, c).merged;
    const two = mergeRevisions(mergeRevisions(mergeRevisions([], c).merged, b).merged, a).merged;
    expect(one).toEqual(two);
  });
});

describe('as-of reads', () => {
  const revisions = [rev('2024-05-01', 313.225, '2024-06-12'), rev('2024-06-01', 313.049, '2024-07-11'), rev('2024-06-01', 313.131, '2025-02-12')];

  it('returns the first print before a revision and the revision after it', () => {
    expect(columnsAsOf(revisions, '2024-08-15')).toEqual({ dates: ['2024-05-01', '2024-06-01'], values: [313.225, 313.049] });
    expect(columnsAsOf(revisions, '2025-02-12').values).toEqual([313.225, 313.131]);
    expect(columnsAsOf(revisions).values).toEqual([313.225, 313.131]);
  });

  it('never returns a value published after asOf', () => {
    expect(columnsAsOf(revisions, '2024-07-10')).toEqual({ dates: ['2024-05-01'], values: [313.225] });
    expect(inForce(revisions, '2024-06-11')).toEqual([]);
  });

  it('summarises first, last and vintage dates', () => {
    expect(summarize(revisions)).toEqual({ firstDate: '2024-05-01', lastDate: '2024-06-01', firstVintage: '2024-06-12', lastVintage: '2025-02-12', vintageCount: 3 });
    expect(vintagesOf(revisions)).toEqual(['2024-06-12', '2024-07-11', '2025-02-12']);
  });
});
