// Indicators with one value per observation and no window: RETURNS, LOG_RETURNS (SURPRISE is in surprise.ts).
// Each series is reduced to its own observations first, so at daily frequency a return spans a
// holiday's missing value: Friday's return after a Thursday holiday is measured from Wednesday. At
// lower frequencies a missing period is a gap (gaps.ts): the return across it is null.
import { alignMany, logReturns, simpleReturns } from '../index.js';
import type { IndicatorSpec } from '../spec.js';
import { gapMeta, nullAcrossGaps } from '../gaps.js';

function returnsOf(f: typeof simpleReturns, label: string): IndicatorSpec {
  return {
    inputs: ['series'],
    rolling: false,
    output: 'series',
    warmUp: () => 1,
    compute([x], p) {
      const j = alignMany([x.columns], { dropMissing: true });
      const g = nullAcrossGaps(j.dates, f(j.values[0]), p.frequency);
      return { dates: j.dates, values: g.changes, unit: 'fraction', meta: { formula: label, unit: 'fraction', ...gapMeta(g.missingPeriods) } };
    },
  };
}

/** Fractions, not percent: 0.01 = +1 %. */
export const RETURNS = returnsOf(simpleReturns, 'x_t / x_(t-1) - 1, t-1 = the previous observation');
export const LOG_RETURNS = returnsOf(logReturns, 'ln(x_t / x_(t-1)), t-1 = the previous observation');
