// The CommonJS build, for the same reason as in cost-limits-plugin.ts.
import type { ComplexityEstimator } from 'graphql-query-complexity/cjs';

// What a field costs beyond its children, in units of "one small item read". Reading a series'
// observations means reading chunks and transforming them; an indicator reads one or more series and
// computes over them. Everything else costs 1 (the simple estimator that follows this one).
const COSTS: Record<string, number> = {
  'Series.observations': 10,
  'Series.latest': 5,
  'Series.vintages': 2,
  'Series.revisions': 5,
  'Series.revisionsSince': 10,
  'Query.indicator': 20,
  'Query.positioning': 20,
  'Query.cutProbabilities': 20,
};

/** searchSeries returns up to `first` series, each costing what its selection costs. */
export const fieldCostEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const key = `${type.name}.${field.name}`;
  if (key === 'Query.searchSeries') return 1 + (typeof args.first === 'number' ? args.first : 20) * childComplexity;
  const cost = COSTS[key];
  return cost === undefined ? undefined : cost + childComplexity;
};
