// The shapes of an indicator request and answer, shared by the normal and the first-release paths.
import type { IndicatorName, Release } from '../../generated/enums.js';
import type { Frequency } from '../../series/types.js';

/** The arguments of Query.indicator (schema.graphql). */
export interface IndicatorArgs {
  name: IndicatorName;
  inputs: readonly string[];
  window?: number | null;
  minObservations?: number | null;
  frequency?: Frequency | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
  release?: Release | null;
}

export interface IndicatorOutput {
  name: IndicatorName;
  inputs: string[];
  dates: string[];
  values: (number | null)[];
  unit: string;
  meta: Record<string, unknown>;
}
