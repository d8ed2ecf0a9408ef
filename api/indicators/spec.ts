// What every indicator declares, so one orchestrator (services/indicators/indicator.ts) can read,
// check and trim for all of them. A spec is pure: its compute gets the inputs already read.
import type { Columns, Frequency, SeriesMeta } from '../series/types.js';

/** One input series as read for an indicator: its metadata and its values at the chosen frequency. */
export interface Input {
  meta: SeriesMeta;
  columns: Columns;
}

export interface ComputeParams {
  window: number;
  /** The fewest valid observations a window needs (2 … window); the window itself by default. */
  minObservations: number;
  frequency: Frequency;
  from?: string | null;
  to?: string | null;
}

export interface Computed {
  dates: string[];
  values: (number | null)[];
  /** What the values are measured in: `fraction` (0.01 = 1 %), `bp`, `ratio`, `correlation`, `std`, or the series' own unit. */
  unit: string;
  meta: Record<string, unknown>;
}

export interface IndicatorSpec {
  /** One name per input, in order (the error for a wrong count lists them). */
  inputs: readonly string[];
  /** Takes a rolling window (and a default one when none is given). */
  rolling: boolean;
  /** Periods read before `from`: a rolling warm-up, the previous value of a return, or a CHANGE's start. */
  warmUp(window: number): number;
  /** 'series': one value per date, trimmed to [from, to] afterwards; 'single': one value for the whole range. */
  output: 'series' | 'single';
  compute(inputs: Input[], p: ComputeParams): Computed;
}
