// Period-over-period returns. The first position and any position where either endpoint is
// missing are null (missing inputs propagate; nothing is filled).
import type { Values } from './columns.js';
import { isPresent } from './columns.js';

/** r_t = x_t / x_{t-1} − 1. A zero previous value gives null (the return is undefined). */
export function simpleReturns(values: Values): (number | null)[] {
  return pairwise(values, (prev, cur) => (prev === 0 ? null : cur / prev - 1));
}

/** r_t = ln(x_t / x_{t-1}); null unless both values are strictly positive. */
export function logReturns(values: Values): (number | null)[] {
  return pairwise(values, (prev, cur) => (prev > 0 && cur > 0 ? Math.log(cur / prev) : null));
}

/** d_t = x_t − x_{t-1}: the natural "return" of a yield or rate, quoted in its own unit. */
export function differences(values: Values): (number | null)[] {
  return pairwise(values, (prev, cur) => cur - prev);
}

function pairwise(values: Values, f: (prev: number, cur: number) => number | null): (number | null)[] {
  const out: (number | null)[] = new Array(values.length).fill(null);
  for (let i = 1; i < values.length; i++) {
    const prev = values[i - 1];
    const cur = values[i];
    if (isPresent(prev) && isPresent(cur)) out[i] = f(prev, cur);
  }
  return out;
}
