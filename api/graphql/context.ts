import { requireSeriesId } from '../services/ids.js';
import type { MetaCache } from '../store/meta-cache.js';
import { requestReads, type SeriesReads } from '../store/request-reads.js';
import type { SeriesStore } from '../store/series-store.js';
import type { SeriesMeta } from '../series/types.js';

export interface GraphQLContext {
  store: SeriesReads;
  requestId: string;
  meta(id: string): Promise<SeriesMeta | null>;
  /** Aborted when the request's deadline passes: reads then stop and the request's work is dropped. */
  signal: AbortSignal;
}

export function createContext(store: SeriesStore, metaCache: MetaCache, requestId: string, signal: AbortSignal = new AbortController().signal): GraphQLContext {
  const reads = requestReads(store, signal);
  return {
    store: reads,
    requestId,
    signal,
    meta: async (id) => {
      requireSeriesId(id);
      signal.throwIfAborted();
      return metaCache.get(id);
    },
  };
}
