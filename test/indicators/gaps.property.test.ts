// Property: an indicator computed on a series with gaps (rows whose value is missing, as FRED's "."
// on a market holiday) equals the same indicator computed on that series with the gaps dropped:
// same dates, same values, bit for bit. Run through the API's own indicator definitions
// (api/services/indicators), which is where the alignment rule lives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../api/series/dates.js';
import type { Columns, SeriesMeta } from '../../api/series/types.js';
import { LOG_RETURNS, RETURNS } from '../../api/indicators/specs/per-period.js';
import { BETA, CORRELATION, PERCENTILE_RANK, RELATIVE_VOL, VOLATILITY, ZSCORE } from '../../api/indicators/specs/rolling.js';
import type { IndicatorSpec } from '../../api/indicators/spec.js';

const meta = (id: string, unit: string): SeriesMeta => ({ id, name: id, unit, frequency: 'DAILY', source: { name: 'test', sourceId: id } });
const PRICE = meta('P', 'Index');
const RATE = meta('R', 'Percent');

const level = fc.double({ min: 1, max: 5000, noNaN: true });
/** A daily series with some rows blank; returns it and the same rows with the blanks removed. */
const gappy = (n: number) =>
  fc.array(fc.option(level, { freq: 5, nil: null }), { minLength: n, maxLength: n }).map((values) => {
    const dates = values.map((_, i) => addDays('2024-01-01', i));
    const withGaps: Columns = { dates, values };
    const keep = values.map((v) => v !== null);
    const dropped: Columns = { dates: dates.filter((_, i) => keep[i]), values: values.filter((_, i) => keep[i]) };
    return { withGaps, dropped };
  });

const rolling: [string, IndicatorSpec, SeriesMeta[]][] = [
  ['VOLATILITY of a price', VOLATILITY, [PRICE]],
  ['VOLATILITY of a rate (bp)', VOLATILITY, [RATE]],
  ['ZSCORE', ZSCORE, [RATE]],
  ['PERCENTILE_RANK', PERCENTILE_RANK, [PRICE]],
  ['CORRELATION', CORRELATION, [PRICE, RATE]],
  ['BETA', BETA, [PRICE, PRICE]],
  ['RELATIVE_VOL', RELATIVE_VOL, [PRICE, PRICE]],
];

function compute(spec: IndicatorSpec, metas: SeriesMeta[], cols: Columns[], window: number, minObservations: number) {
  try {
    return spec.compute(
      metas.map((m, k) => ({ meta: m, columns: cols[k] })),
      { window, minObservations, frequency: 'DAILY' },
    );
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('gaps vs gaps dropped', () => {
  it.each(rolling)('%s: equal dates and values, for any gaps, window and minObservations', (_name, spec, metas) => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 15, max: 60 }), (w, cut, n) =>
        fc.assert(
          fc.property(fc.tuple(...metas.map(() => gappy(n))), (series) => {
            const min = Math.max(2, w - cut);
            const a = compute(
              spec,
              metas,
              series.map((s) => s.withGaps),
              w,
              min,
            );
            const b = compute(
              spec,
              metas,
              series.map((s) => s.dropped),
              w,
              min,
            );
            expect(a).toEqual(b);
          }),
          { numRuns: 5 },
        ),
      ),
      { numRuns: 40 },
    );
  });

  it.each([
    ['RETURNS', RETURNS],
    ['LOG_RETURNS', LOG_RETURNS],
  ] as const)('%s span the gaps: each return is from the previous observation', (_name, spec) => {
    fc.assert(
      fc.property(gappy(30), ({ withGaps, dropped }) => {
        const a = compute(spec, [PRICE], [withGaps], 0, 2);
        const b = compute(spec, [PRICE], [dropped], 0, 2);
        expect(a).toEqual(b);
        if ('values' in a) expect(a.values.slice(1).every((v) => v !== null)).toBe(true);
      }),
    );
  });
});
