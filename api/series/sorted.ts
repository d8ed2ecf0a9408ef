// Binary search over items sorted ascending by a string key (dates, period labels): the one definition
// every cut of a sorted series uses.

const identity = (s: string): string => s;

/** The first index whose item `before` says is not before the target; items.length when none. */
function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0,
    hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose key is not below `target`. */
export function lowerBound<T = string>(items: readonly T[], target: string, key: (item: T) => string = identity as (item: T) => string): number {
  return firstNotBefore(items.length, (i) => key(items[i]) < target);
}

/** Index of the first item whose key is above `target`. */
export function upperBound<T = string>(items: readonly T[], target: string, key: (item: T) => string = identity as (item: T) => string): number {
  return firstNotBefore(items.length, (i) => key(items[i]) <= target);
}
