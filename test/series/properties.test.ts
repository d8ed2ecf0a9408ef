import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../api/series/dates.js';
import { periodOf } from '../../api/series/periods.js';
import { resample } from '../../api/series/resample.js';
import { transform } from '../../api/series/transform.js';
import type { Columns, Frequency } from '../../api/series/types.js';

// Properties of frequency conversion and transforms over arbitrary daily series with gaps and nulls.

const daily = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 5 }), value: fc.option(fc.double({ min: 0.5, max: 5000, noNaN: true }), { freq: 6 }) }), { minLength: 1, maxLength: 400 })
  .map((rows) => {
    let date = '2021-12-28';
    const out: Columns = { dates: [], values: [] };
    for (const r of rows) {
      date = addDays(date, r.gap);
      out.dates.push(date);
      out.values.push(r.value);
    }
    return out;
  });
const lower = fc.constantFrom<Frequency>('WEEKLY', 'MONTHLY', 'QUARTERLY', 'ANNUAL');

describe('resample', () => {
  it('one value per distinct period, labels ascending, SUM conserves the total', () => {
    fc.assert(
      fc.property(daily, lower, (s, f) => {
        const out = resample(s, f, 'SUM');
        expect(out.dates).toEqual([...new Set(s.dates.map((d) => periodOf(d, f)))]);
        const total = s.values.reduce<number>((a, v) => a + (v ?? 0), 0);
        const resampled = out.values.reduce<number>((a, v) => a + (v ?? 0), 0);
        expect(resampled).toBeCloseTo(total, 6);
      }),
    );
  });

  it('LAST, FIRST, MIN, MAX pick values of the period; MEAN lies between MIN and MAX', () => {
    fc.assert(
      fc.property(daily, lower, (s, f) => {
        const [last, first, min, max, mean] = (['LAST', 'FIRST', 'MIN', 'MAX', 'MEAN'] as const).map((a) => resample(s, f, a).values);
        last.forEach((v, i) => {
          const inPeriod = s.values.filter((_, j) => periodOf(s.dates[j], f) === resample(s, f, 'LAST').dates[i]).filter((x): x is number => x !== null);
          if (inPeriod.length === 0) return expect([v, first[i], min[i], max[i], mean[i]]).toEqual([null, null, null, null, null]);
          expect(v).toBe(inPeriod[inPeriod.length - 1]);
          expect(first[i]).toBe(inPeriod[0]);
          expect(min[i]).toBe(Math.min(...inPeriod));
          expect(max[i]).toBe(Math.max(...inPeriod));
          expect(mean[i]!).toBeGreaterThanOrEqual(min[i]! - 1e-9);
          expect(mean[i]!).toBeLessThanOrEqual(max[i]! + 1e-9);
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('transforms', () => {
  const complete = daily.map((s) => ({ dates: s.dates, values: s.values.map((v, i) => v ?? 100 + i) }));

  it('CHANGE telescopes to last − first, LOG_RETURN to ln(last / first)', () => {
    fc.assert(
      fc.property(complete, (s) => {
        const n = s.values.length;
        const changes = transform(s, 'CHANGE', 'DAILY').values.slice(1) as number[];
        const logs = transform(s, 'LOG_RETURN', 'DAILY').values.slice(1) as number[];
        expect(changes.reduce((a, b) => a + b, 0)).toBeCloseTo(s.values[n - 1]! - s.values[0]!, 6);
        expect(logs.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.log(s.values[n - 1]! / s.values[0]!), 9);
      }),
    );
  });

  it('every transform keeps the dates; the first CHANGE is null; REBASE_100 starts at 100', () => {
    fc.assert(
      fc.property(daily, fc.constantFrom('LEVEL', 'CHANGE', 'PCT_CHANGE', 'LOG_RETURN', 'YOY', 'ANNUALIZED', 'REBASE_100' as const), (s, how) => {
        const out = transform(s, how, 'DAILY');
        expect(out.dates).toEqual(s.dates);
        expect(out.values).toHaveLength(s.values.length);
        if (how === 'CHANGE') expect(out.values[0]).toBeNull();
        if (how === 'REBASE_100') {
          const i = s.values.findIndex((v) => v !== null);
          if (i >= 0) expect(out.values[i]).toBe(100);
        }
      }),
    );
  });

  it('a missing value has no change of its own, and the next change spans it (from the previous value)', () => {
    fc.assert(
      fc.property(daily, (s) => {
        const out = transform(s, 'PCT_CHANGE', 'DAILY').values;
        let before: number | null = null;
        s.values.forEach((v, i) => {
          if (v === null) return expect(out[i]).toBeNull();
          if (before === null || before === 0) expect(out[i]).toBeNull();
          else expect(out[i]).toBe(v / before - 1);
          before = v;
        });
      }),
    );
  });
});
