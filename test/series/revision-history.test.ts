import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstRelease } from '../../api/services/first-release.js';
import { addDays } from '../../api/series/dates.js';
import { periodOf } from '../../api/series/periods.js';
import { resample } from '../../api/series/resample.js';
import { transform, type Transform } from '../../api/series/transform.js';
import type { Columns, Frequency, Revision } from '../../api/series/types.js';
import { diffBetween, difference, firstPrintDates, revisionsOf } from '../../api/series/revision-history.js';
import { canonical, columnsAsOf } from '../../api/series/revisions.js';

const r = (date: string, value: number | null, realtimeStart: string): Revision => ({ date, value, realtimeStart });

describe('revision history views', () => {
  const history = canonical([
    r('2024-05-01', 313.225, '2024-06-12'),
    r('2024-06-01', 313.049, '2024-07-11'),
    r('2024-06-01', 313.131, '2025-02-12'),
    r('2024-06-01', 313.044, '2026-02-11'),
    r('2024-07-01', null, '2024-08-14'),
    r('2024-07-01', 313.534, '2024-09-01'),
  ]);

  it('revisionsOf lists one date oldest first; firstPrintDates skips a value first published as missing', () => {
    expect(revisionsOf(history, '2024-06-01').map((x) => x.value)).toEqual([313.049, 313.131, 313.044]);
    expect(firstPrintDates(history)).toEqual(
      new Map([
        ['2024-05-01', '2024-06-12'],
        ['2024-06-01', '2024-07-11'],
        ['2024-07-01', '2024-09-01'],
      ]),
    );
  });

  it('diffBetween lists revised and newly published dates, with changes rounded to the published decimals', () => {
    expect(diffBetween(history, '2024-07-11', '2026-03-01')).toEqual({
      dates: ['2024-06-01', '2024-07-01'],
      before: [313.049, null],
      after: [313.044, 313.534],
      change: [-0.005, null],
    });
    expect(diffBetween(history, '2024-08-20', '2024-08-31').dates).toEqual([]); // July published as missing: nothing to show
    expect(difference(1.4, 0.8)).toBe(-0.6);
    expect(difference(2.8, 3)).toBe(0.2);
  });
});

// A brute-force model of release: FIRST: for each result, take the day its period was first complete
// (the latest first print among its raw dates) and shape the whole history as known on that day.
function model(revisions: Revision[], shape: (c: Columns) => Columns, labelOf: (d: string) => string): Columns {
  const latest = shape(columnsAsOf(revisions));
  const complete = new Map<string, string>();
  for (const [date, day] of firstPrintDates(revisions)) {
    const label = labelOf(date);
    if (!complete.has(label) || day > complete.get(label)!) complete.set(label, day);
  }
  return {
    dates: latest.dates,
    values: latest.dates.map((d) => {
      const then = shape(columnsAsOf(revisions, complete.get(d)));
      const i = then.dates.indexOf(d);
      return i < 0 ? null : then.values[i];
    }),
  };
}

describe('firstRelease', () => {
  const YEAR_AGO = 366 + 7; // a year, and the week a daily year-ago value may fall short of it
  const point = fc.record({
    day: fc.integer({ min: 0, max: 500 }),
    lag: fc.integer({ min: 0, max: 60 }),
    value: fc.option(
      fc.integer({ min: 1, max: 4000 }).map((v) => v / 4),
      { freq: 10 },
    ),
  });
  const cases = fc.record({
    points: fc.array(point, { minLength: 1, maxLength: 200 }),
    frequency: fc.constantFrom<Frequency>('DAILY', 'WEEKLY', 'MONTHLY', 'QUARTERLY'),
    how: fc.constantFrom<Transform>('LEVEL', 'CHANGE', 'PCT_CHANGE', 'YOY', 'ANNUALIZED', 'REBASE_100'),
    from: fc.integer({ min: 0, max: 500 }),
  });

  function shaping(frequency: Frequency, how: Transform, first: string) {
    const converting = frequency !== 'DAILY';
    const trim = (c: Columns): Columns => {
      const keep = c.dates.map((d) => d >= first);
      return { dates: c.dates.filter((_, i) => keep[i]), values: c.values.filter((_, i) => keep[i]) };
    };
    return {
      shape: (known: Columns): Columns => {
        const converted = converting ? resample(known, frequency, 'LAST') : known;
        return how === 'REBASE_100' ? transform(trim(converted), how, frequency) : trim(transform(converted, how, frequency));
      },
      labelOf: (d: string) => (converting ? periodOf(d, frequency) : d),
      historyDays: how === 'REBASE_100' ? ('all' as const) : how === 'YOY' ? YEAR_AGO : 0,
    };
  }

  it('a year-on-year change uses the year-ago value as known when the new value was first printed', () => {
    const revisions = canonical([r('2023-01-02', 100, '2023-01-02'), r('2023-01-02', 110, '2024-06-01'), r('2023-06-01', 102, '2023-06-01'), r('2024-01-02', 105, '2024-01-02')]);
    const s = shaping('DAILY', 'YOY', '2024-01-01');
    expect(firstRelease(revisions, s).values[0]).toBeCloseTo(0.05, 12); // 105 / 100 - 1, a fraction
    expect(s.shape(columnsAsOf(revisions)).values[0]).toBeCloseTo(105 / 110 - 1, 12); // latest: 105 / 110 - 1
  });

  it('equals the brute-force model for any history, frequency and transform (reading only the windows it needs)', () => {
    fc.assert(
      fc.property(cases, ({ points, frequency, how, from }) => {
        const revisions = canonical(points.map((p) => r(addDays('2022-01-01', p.day), p.value, addDays('2022-01-01', p.day + p.lag))));
        const start = addDays('2022-01-01', from);
        const s = shaping(frequency, how, frequency === 'DAILY' ? start : periodOf(start, frequency));
        expect(firstRelease(revisions, s)).toEqual(model(revisions, s.shape, s.labelOf));
      }),
      { numRuns: 500 },
    );
  });
});
