import { periodOf } from './periods.js';
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
 * Converts ascending columns to a lower frequency. Missing values are skipped; a period whose values
 * are all missing is returned as missing, so a gap stays visible instead of vanishing.
 */
export function resample(columns: Columns, to: Frequency, how: Aggregation): Columns {
  const dates: string[] = [];
  const values: (number | null)[] = [];
  let bucket: number[] = [];
  const flush = () => {
    values.push(aggregate(bucket, how));
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
  if (dates.length > 0) flush();
  return { dates, values };
}
