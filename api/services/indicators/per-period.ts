// Indicators with one value per period and no window: RETURNS, LOG_RETURNS, SURPRISE.
import { logReturns, simpleReturns, surprise } from '../../indicators/index.js';
import type { IndicatorSpec } from './spec.js';

function returnsOf(f: typeof simpleReturns, label: string): IndicatorSpec {
  return {
    inputs: ['series'],
    rolling: false,
    output: 'series',
    warmUp: () => 1,
    compute([x]) {
      return { dates: x.columns.dates, values: f(x.columns.values), meta: { formula: label } };
    },
  };
}

/** Fractions, not percent: 0.01 = +1 %. */
export const RETURNS = returnsOf(simpleReturns, 'x_t / x_(t-1) - 1');
export const LOG_RETURNS = returnsOf(logReturns, 'ln(x_t / x_(t-1))');

/** actual − consensus on the reference periods both series label. */
export const SURPRISE: IndicatorSpec = {
  inputs: ['actual', 'consensus'],
  rolling: false,
  output: 'series',
  warmUp: () => 0,
  compute([actual, consensus]) {
    return { ...surprise(actual.columns, consensus.columns), meta: { formula: 'actual - consensus', alignment: 'reference periods both inputs have' } };
  },
};
