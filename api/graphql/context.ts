import type { SeriesStore } from '../store/series-store.js';
import type { SeriesMeta } from '../series/types.js';

export interface GraphQLContext {
  store: SeriesStore;
  requestId: string;
  /** One metadata read per series per request, however many fields ask for it. */
  meta(id: string): Promise<SeriesMeta | null>;
}

export function createContext(store: SeriesStore, requestId: string): GraphQLContext {
  const cache = new Map<string, Promise<SeriesMeta | null>>();
  return {
    store,
    requestId,
    meta(id) {
      let hit = cache.get(id);
      if (!hit) cache.set(id, (hit = store.getMeta(id)));
      return hit;
    },
  };
}
