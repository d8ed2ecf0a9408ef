// Rolling indicators. Each input is first reduced to its own observations (missing values dropped),
// pairs are joined on the dates both then have, and the statistic runs on per-observation changes
// (rate-like.ts): returns for prices, basis-point changes for rates. PERCENTILE_RANK ranks levels.
import { alignMany, relativeVolatility, rollingBeta, rollingCorrelation, rollingPercentileRank, rollingVolatility, rollingZScore, annualisationFactor, IndicatorInputError } from '../index.js';
import type { Input } from '../spec.js';
import { changeUnitOf, periodChangeOf, periodChanges, type ReturnKind } from '../rate-like.js';
import { gapMeta, nullAcrossGaps } from '../gaps.js';
import type { ComputeParams, IndicatorSpec } from '../spec.js';

/**
 * The window's minimum must fit in the observations the statistic actually uses (returns, not
 * prices): a window longer than the data still has values once it holds `minObservations` valid
 * ones (pandas' rolling(window, min_periods)), so only a minimum the data cannot reach is refused.
 */
export function requireWindowFits(p: ComputeParams, used: readonly (number | null)[], what: string): void {
  const available = used.filter((v) => v !== null).length;
  if (p.minObservations <= available) return;
  const upTo = p.to ? ` up to ${p.to}` : '';
  if (p.minObservations === p.window) {
    throw new IndicatorInputError('window', `window (${p.window}) is longer than the ${available} ${what} available${upTo}; shorten the window, widen the range, or pass a smaller minObservations.`);
  }
  throw new IndicatorInputError('minObservations', `minObservations (${p.minObservations}) is more than the ${available} ${what} available${upTo}; pass a smaller minObservations or widen the range.`);
}

const describe = (inputs: Input[], kind: ReturnKind) => Object.fromEntries(inputs.map((x) => [x.meta.id, { of: periodChangeOf(x.meta, kind), unit: changeUnitOf(x.meta) }]));

/** BETA's unit: a plain ratio when both inputs move in the same unit, else "fraction per bp" (or the reverse). */
function betaUnit(inputs: Input[]): string {
  const [a, b] = inputs.map((x) => changeUnitOf(x.meta));
  return a === b ? 'ratio' : `${a} per ${b}`;
}

/**
 * Each aligned column's changes, null across a missing period (gaps.ts), and the periods missing.
 */
function changesOf(inputs: Input[], j: { dates: string[]; values: (number | null)[][] }, kind: ReturnKind, frequency: ComputeParams['frequency']) {
  const missing: string[] = [];
  const changes = inputs.map((x, k) => {
    const g = nullAcrossGaps(j.dates, periodChanges(x.meta, j.values[k], kind), frequency);
    missing.push(...g.missingPeriods);
    return g.changes;
  });
  return { changes, gaps: gapMeta(missing) };
}

/** Joins the inputs on the dates every one of them has a value for. */
function aligned(inputs: Input[]) {
  return alignMany(
    inputs.map((x) => x.columns),
    { dropMissing: true },
  );
}

/** Annualised std of log returns (prices) or basis-point changes (rates). */
export const VOLATILITY: IndicatorSpec = {
  inputs: ['series'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w + 1,
  compute([x], p) {
    const j = aligned([x]);
    const {
      changes: [changes],
      gaps,
    } = changesOf([x], j, 'LOG', p.frequency);
    requireWindowFits(p, changes, `${changeUnitOf(x.meta) === 'bp' ? 'changes' : 'returns'} of ${x.meta.id}`);
    const values = rollingVolatility(changes, p.window, p.frequency, p.minObservations);
    const unit = changeUnitOf(x.meta);
    return { dates: j.dates, values, unit, meta: { of: periodChangeOf(x.meta, 'LOG'), unit, annualisedBy: annualisationFactor(p.frequency), ...gaps } };
  },
};

function pairOnChanges(stat: (a: (number | null)[], b: (number | null)[], w: number, min: number) => (number | null)[], roles: readonly string[], unitOf: (inputs: Input[]) => string): IndicatorSpec {
  return {
    inputs: roles,
    rolling: true,
    output: 'series',
    warmUp: (w) => w + 1,
    compute([a, b], p) {
      const j = aligned([a, b]);
      const {
        changes: [ca, cb],
        gaps,
      } = changesOf([a, b], j, 'SIMPLE', p.frequency);
      requireWindowFits(p, ca, `changes on the dates ${a.meta.id} and ${b.meta.id} share`);
      const values = stat(ca, cb, p.window, p.minObservations);
      const unit = unitOf([a, b]);
      return { dates: j.dates, values, unit, meta: { of: describe([a, b], 'SIMPLE'), unit, alignment: 'dates both inputs have a value for', ...gaps } };
    },
  };
}

export const CORRELATION = pairOnChanges(rollingCorrelation, ['a', 'b'], () => 'correlation');
/** Beta of the first input on the second (the benchmark): change of a per unit change of b. */
export const BETA = pairOnChanges(rollingBeta, ['series', 'benchmark'], betaUnit);

/** VOLATILITY(a) / VOLATILITY(b) on the dates both have; both must be prices or both rates. */
export const RELATIVE_VOL: IndicatorSpec = {
  inputs: ['series', 'benchmark'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w + 1,
  compute([a, b], p) {
    if (changeUnitOf(a.meta) !== changeUnitOf(b.meta)) {
      throw new IndicatorInputError(
        'inputs',
        `RELATIVE_VOL compares like with like: ${a.meta.id} moves in ${changeUnitOf(a.meta) === 'bp' ? 'basis points (a rate)' : 'returns (a price)'} and ${b.meta.id} in ${changeUnitOf(b.meta) === 'bp' ? 'basis points (a rate)' : 'returns (a price)'}; compare VOLATILITY of each instead.`,
      );
    }
    const j = aligned([a, b]);
    const {
      changes: [ca, cb],
      gaps,
    } = changesOf([a, b], j, 'LOG', p.frequency);
    requireWindowFits(p, ca, `changes on the dates ${a.meta.id} and ${b.meta.id} share`);
    const values = relativeVolatility(ca, cb, p.window, p.minObservations);
    return { dates: j.dates, values, unit: 'ratio', meta: { of: describe([a, b], 'LOG'), unit: 'ratio', alignment: 'dates both inputs have a value for', ...gaps } };
  },
};

/** (change − mean) / std of the window's changes: how unusual the latest move is. */
export const ZSCORE: IndicatorSpec = {
  inputs: ['series'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w + 1,
  compute([x], p) {
    const j = aligned([x]);
    const {
      changes: [changes],
      gaps,
    } = changesOf([x], j, 'SIMPLE', p.frequency);
    requireWindowFits(p, changes, `changes of ${x.meta.id}`);
    return { dates: j.dates, values: rollingZScore(changes, p.window, p.minObservations), unit: 'std', meta: { of: periodChangeOf(x.meta, 'SIMPLE'), unit: 'std', ...gaps } };
  },
};

/** Mid-rank percentile of the level among the window's levels. */
export const PERCENTILE_RANK: IndicatorSpec = {
  inputs: ['series'],
  rolling: true,
  output: 'series',
  warmUp: (w) => w,
  compute([x], p) {
    const j = aligned([x]);
    requireWindowFits(p, j.values[0], `observations of ${x.meta.id}`);
    return { dates: j.dates, values: rollingPercentileRank(j.values[0], p.window, p.minObservations), unit: 'fraction', meta: { of: 'LEVELS', unit: 'fraction', ties: 'mid-rank' } };
  },
};
