import { isLowerOrEqual, periodOf, PERIODS_PER_YEAR } from './periods.js';
import type { Columns, Frequency } from './types.js';

export type Aggregation = 'LAST' | 'FIRST' | 'MEAN' | 'SUM' | 'MIN' | 'MAX';

function aggregate(values: number[], how: Aggregation): number | null {
  if (values.length === 0) return null;
  switch (how) {
    case 'LAST':
      return values[values.length - 1];
    case 'FIRST':
      return values[0];
    case 'SUM':
      return values.reduce((a, b) => a + b, 0);
    case 'MEAN':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'MIN':
      return Math.min(...values);
    case 'MAX':
      return Math.max(...values);
  }
}

/**
 * How many observations of a `source`-frequency series a `to` period must hold to have a value, or
 * 0 when missing ones are skipped. The rule (anchored to FRED, which aggregates a daily series over
 * the days it reports, and publishes a quarterly or annual figure only once all its months or
 * quarters are out): daily and weekly sources skip missing values (market holidays); monthly and
 * quarterly sources need every month or quarter of the period, else the period is missing.
 */
export function requiredObservations(source: Frequency, to: Frequency): number {
  if (!isLowerOrEqual(source, 'MONTHLY')) return 0; // daily or weekly source
  return PERIODS_PER_YEAR[source] / PERIODS_PER_YEAR[to];
}

/**
 * Converts ascending columns to a lower frequency by the rule above; a period whose values are all
 * missing is missing, so a gap stays visible instead of vanishing. `source` is the input's own
 * frequency (daily when not given). A last period known to be incomplete (`lastIsPartial`) is
 * aggregated from what it holds; the caller flags it.
 */
export function resample(columns: Columns, to: Frequency, how: Aggregation, source: Frequency = 'DAILY', lastIsPartial = false): Columns {
  const required = requiredObservations(source, to);
  const dates: string[] = [];
  const values: (number | null)[] = [];
  let bucket: number[] = [];
  const flush = () => {
    values.push(bucket.length < required ? null : aggregate(bucket, how));
    bucket = [];
  };
  columns.dates.forEach((date, i) => {
    const period = periodOf(date, to);
    if (dates[dates.length - 1] !== period) {
      if (dates.length > 0) flush();
      dates.push(period);
    }
    const v = columns.values[i];
    if (v !== null) bucket.push(v);
  });
  if (dates.length > 0) {
    if (lastIsPartial) values.push(aggregate(bucket, how));
    else flush();
  }
  return { dates, values };
}
