// SURPRISE = actual − consensus, matched by reference period: both series label a release with
// the same period date (e.g. 2024-06-01 for the June CPI). Only periods both series have a value
// for are kept (each series' missing values are dropped before the join).
// The math and its spec in one file: the form a new indicator takes (see CONTRIBUTING.md).
import type { Columns } from './columns.js';
import { align } from './align.js';
import type { IndicatorSpec } from './spec.js';

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

/** SURPRISE for Query.indicator: actual − consensus, in the actual's unit. */
export const SURPRISE: IndicatorSpec = {
  inputs: ['actual', 'consensus'],
  rolling: false,
  output: 'series',
  warmUp: () => 0,
  compute([actual, consensus]) {
    const unit = actual.meta.unit;
    return { ...surprise(actual.columns, consensus.columns), unit, meta: { formula: 'actual - consensus', unit, alignment: 'reference periods both inputs have a value for' } };
  },
};
