// SURPRISE = actual − consensus, matched by reference period: both series label a release with
// the same period date (e.g. 2024-06-01 for the June CPI). Only periods both series have a value
// for are kept (each series' missing values are dropped before the join).
// A consensus that forecasts a transformed actual (its metadata says `expects: YOY`, as a CPI
// "3.1 % y/y" survey does) is compared with the actual transformed the same way, in percent, so
// `SURPRISE(CPIAUCNS, <CPI y/y consensus>)` is the surprise in percentage points.
// The math and its spec in one file: the form a new indicator takes (see CONTRIBUTING.md).
import type { Columns } from './columns.js';
import { align } from './align.js';
import type { IndicatorSpec } from './spec.js';
import { transform, type Transform } from '../series/transform.js';
import type { Frequency } from '../series/types.js';

/** Transforms whose result is a fraction: a consensus quotes them in percent. */
const RELATIVE: ReadonlySet<Transform> = new Set(['PCT_CHANGE', 'YOY', 'ANNUALIZED', 'LOG_RETURN']);

/** The actual as the consensus measures it: the transform applied, relative changes in percent. */
export function asExpected(actual: Columns, expects: Transform | undefined, frequency: Frequency): Columns {
  if (!expects || expects === 'LEVEL') return actual;
  const t = transform(actual, expects, frequency);
  return RELATIVE.has(expects) ? { dates: t.dates, values: t.values.map((v) => (v === null ? null : v * 100)) } : t;
}

export function surprise(actual: Columns, consensus: Columns): Columns {
  const j = align(actual, consensus, { dropMissing: true });
  return {
    dates: j.dates,
    values: j.a.map((x, i) => {
      const c = j.b[i];
      return x === null || c === null ? null : x - c;
    }),
  };
}

/** SURPRISE for Query.indicator: actual − consensus, in the actual's unit (percentage points for a transformed actual). */
export const SURPRISE: IndicatorSpec = {
  inputs: ['actual', 'consensus'],
  rolling: false,
  output: 'series',
  // a year of periods before `from`, so a y/y consensus has the actual's year-earlier value
  warmUp: () => 13,
  compute([actual, consensus], { frequency }) {
    const expects = consensus.meta.expects;
    const measured = asExpected(actual.columns, expects, frequency);
    const unit = expects && expects !== 'LEVEL' ? (RELATIVE.has(expects) ? 'percentage points' : actual.meta.unit) : actual.meta.unit;
    const formula = expects && expects !== 'LEVEL' ? `${expects}(actual)${RELATIVE.has(expects) ? ' × 100' : ''} - consensus` : 'actual - consensus';
    return { ...surprise(measured, consensus.columns), unit, meta: { formula, unit, alignment: 'reference periods both inputs have a value for', ...(expects ? { actualTransform: expects } : {}) } };
  },
};
