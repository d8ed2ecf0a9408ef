// Indicators with one value per observation and no window: RETURNS, LOG_RETURNS (SURPRISE is in surprise.ts).
// Each series is reduced to its own observations first, so a return spans a gap (a holiday's
// missing value): Friday's return after a Thursday holiday is measured from Wednesday.
import { alignMany, logReturns, simpleReturns } from '../index.js';
import type { IndicatorSpec } from '../spec.js';

function returnsOf(f: typeof simpleReturns, label: string): IndicatorSpec {
  return {
    inputs: ['series'],
    rolling: false,
    output: 'series',
    warmUp: () => 1,
    compute([x]) {
      const j = alignMany([x.columns], { dropMissing: true });
      return { dates: j.dates, values: f(j.values[0]), unit: 'fraction', meta: { formula: label, unit: 'fraction' } };
    },
  };
}

/** Fractions, not percent: 0.01 = +1 %. */
export const RETURNS = returnsOf(simpleReturns, 'x_t / x_(t-1) - 1, t-1 = the previous observation');
export const LOG_RETURNS = returnsOf(logReturns, 'ln(x_t / x_(t-1)), t-1 = the previous observation');
