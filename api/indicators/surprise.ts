// SURPRISE = actual − consensus, matched by reference period: both series label a release with
// the same period date (e.g. 2024-06-01 for the June CPI). Periods present in only one series are
// dropped; a null on either side gives a null surprise.
import type { Columns } from './columns.js';
import { align } from './align.js';

export function surprise(actual: Columns, consensus: Columns): Columns {
  const j = align(actual, consensus);
  return {
    dates: j.dates,
    values: j.a.map((x, i) => {
      const c = j.b[i];
      return x === null || c === null ? null : x - c;
    }),
  };
}
