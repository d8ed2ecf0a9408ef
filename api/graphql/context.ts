import { requestReads, type SeriesReads } from '../store/request-reads.js';
import type { SeriesMeta } from '../series/types.js';

export interface GraphQLContext {
  store: SeriesReads;
  requestId: string;
  meta(id: string): Promise<SeriesMeta | null>;
}

/** `reads`: the container's ReadCache view for this request (or the store itself). */
export function createContext(reads: SeriesReads, requestId: string): GraphQLContext {
  const shared = requestReads(reads);
  return { store: shared, requestId, meta: (id) => shared.getMeta(id) };
}
