// SURPRISE = actual − consensus, matched by reference period: both series label a release with
// the same period date (e.g. 2024-06-01 for the June CPI). Only periods both series have a value
// for are kept (each series' missing values are dropped before the join).
import type { Columns } from './columns.js';
import { align } from './align.js';

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
