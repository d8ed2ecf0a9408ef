import type { MetaCache } from '../store/meta-cache.js';
import { requestReads, type SeriesReads } from '../store/request-reads.js';
import type { SeriesStore } from '../store/series-store.js';
import type { SeriesMeta } from '../series/types.js';
import type { SeriesReader } from '../services/indicators/inputs.js';

/** What resolvers get: the services' SeriesReader plus the request's id. */
export interface GraphQLContext extends SeriesReader {
  store: SeriesReads;
  requestId: string;
  meta(id: string): Promise<SeriesMeta | null>;
}

export function createContext(store: SeriesStore, metaCache: MetaCache, requestId: string): GraphQLContext {
  return { store: requestReads(store), requestId, meta: (id) => metaCache.get(id) };
}
