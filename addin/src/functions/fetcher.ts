import type { FieldCall } from '../client/query.js';
import { TideError } from '../shared/errors.js';

/** How function bodies reach the API: the batching client's `fetch`, or anything with its shape. */
export type Fetch = <T>(call: FieldCall) => Promise<T>;

/** `series(id)` is null for an id the catalog does not have. */
export function requireSeries<T>(series: T | null, id: string): T {
  if (series === null || series === undefined) {
    throw new TideError('notFound', `Unknown series id "${id}". Find ids with =TIDE.SEARCH("words") or the Tide task pane.`);
  }
  return series;
}
