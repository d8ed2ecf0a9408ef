import { requireSeriesId } from '../services/ids.js';
import { lookupSeries } from '../services/expressions.js';
import { requestReads, type SeriesReads } from '../store/request-reads.js';
import type { SeriesMeta } from '../series/types.js';
import type { SeriesReader } from '../services/indicators/inputs.js';

/** What resolvers get: the services' SeriesReader plus the request's id. */
export interface GraphQLContext extends SeriesReader {
  store: SeriesReads;
  requestId: string;
  /** A stored series or an expression (services/expressions.ts); `argument` is blamed in errors. */
  meta(id: string, argument?: string): Promise<SeriesMeta | null>;
  /** Aborted when the request's deadline passes: reads then stop and the request's work is dropped. */
  signal: AbortSignal;
}

/** `reads`: the container's ReadCache view for this request (or the store itself). */
export function createContext(reads: SeriesReads, requestId: string, signal: AbortSignal = new AbortController().signal): GraphQLContext {
  const shared = requestReads(reads, signal);
  return {
    store: shared,
    requestId,
    signal,
    meta: async (id, argument) => {
      requireSeriesId(id, argument);
      signal.throwIfAborted();
      return lookupSeries(shared, id, argument);
    },
  };
}
