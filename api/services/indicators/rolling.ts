// Rolling indicators. Each states what it is computed from (docs/indicators.md, "Intended inputs").
import { align, logReturns, relativeVolatility, rollingBeta, rollingCorrelation, rollingPercentileRank, rollingVolatility, rollingZScore, annualisationFactor } from '../../indicators/index.js';
import type { Input } from './inputs.js';
import { periodChangeOf, periodChanges } from './rate-like.js';
import type { IndicatorSpec } from './spec.js';

const changesOf = (inputs: Input[]) => Object.fromEntries(inputs.map((x) => [x.meta.id, periodChangeOf(x.meta)]));

/** Annualised std of log returns of the levels. */
export const VOLATILITY: IndicatorSpec = {
  inputs: ['series'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w + 1,
  compute([x], p) {
    const values = rollingVolatility(logReturns(x.columns.values), p.window, p.frequency);
    return { dates: x.columns.dates, values, meta: { of: 'LOG_RETURNS', annualisedBy: annualisationFactor(p.frequency) } };
  },
};

/** Two inputs joined on their common dates, then each turned into returns or differences by its unit. */
function pairOnChanges(stat: (a: (number | null)[], b: (number | null)[], w: number) => (number | null)[], roles: readonly string[]): IndicatorSpec {
  return {
    inputs: roles,
    rolling: true,
    output: 'series',
    warmUp: (w) => w + 1,
    compute([a, b], p) {
      const j = align(a.columns, b.columns);
      const values = stat(periodChanges(a.meta, j.a), periodChanges(b.meta, j.b), p.window);
      return { dates: j.dates, values, meta: { of: changesOf([a, b]), alignment: 'dates both inputs have' } };
    },
  };
}

export const CORRELATION = pairOnChanges(rollingCorrelation, ['a', 'b']);
/** Beta of the first input on the second (the benchmark). */
export const BETA = pairOnChanges(rollingBeta, ['series', 'benchmark']);

/** Ratio of rolling volatilities of simple returns of levels at the chosen frequency (weekly by default). */
export const RELATIVE_VOL: IndicatorSpec = {
  inputs: ['series', 'benchmark'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w + 1,
  compute([a, b], p) {
    const r = relativeVolatility(a.columns, b.columns, p.window);
    return { dates: r.dates, values: r.values, meta: { of: 'SIMPLE_RETURNS', alignment: 'dates both inputs have' } };
  },
};

function onLevels(stat: (v: (number | null)[], w: number) => (number | null)[]): IndicatorSpec {
  return {
    inputs: ['series'],
    rolling: true,
    output: 'series',
    warmUp: (w) => w,
    compute([x], p) {
      return { dates: x.columns.dates, values: stat(x.columns.values, p.window), meta: { of: 'LEVELS' } };
    },
  };
}

export const ZSCORE = onLevels(rollingZScore);
export const PERCENTILE_RANK = onLevels(rollingPercentileRank);
