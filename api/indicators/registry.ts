// The one list of indicators Query.indicator computes, keyed by the schema's IndicatorName: a name
// added to schema.graphql does not compile until it has an entry here. Each entry is a spec (spec.ts):
// pure math plus what the orchestrator needs to read its inputs, check them and trim the result.
import type { IndicatorName } from '../generated/enums.js';
import type { IndicatorSpec } from './spec.js';
import { LOG_RETURNS, RETURNS } from './specs/per-period.js';
import { BETA, CORRELATION, PERCENTILE_RANK, RELATIVE_VOL, VOLATILITY, ZSCORE } from './specs/rolling.js';
import { CHANGE, MAX_DRAWDOWN, MAX_RUNUP } from './specs/single-value.js';
import { SURPRISE } from './surprise.js';

export const INDICATORS: Readonly<Record<IndicatorName, IndicatorSpec>> = {
  CHANGE,
  MAX_RUNUP,
  MAX_DRAWDOWN,
  RETURNS,
  LOG_RETURNS,
  VOLATILITY,
  CORRELATION,
  BETA,
  RELATIVE_VOL,
  ZSCORE,
  PERCENTILE_RANK,
  SURPRISE,
};
