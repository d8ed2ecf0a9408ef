import type { Revision } from '../series/types.js';
import { yearOf } from './keys.js';
import type { SeriesStore } from './series-store.js';

/** The reads resolvers make; per request they go through `requestReads`. */
export type SeriesReads = Pick<SeriesStore, 'readRevisions' | 'readVintages' | 'getMeta' | 'listMeta'>;

/**
 * One request's reads, deduplicated: a sheet recalculating 200 cells of the same series asks for the
 * same year-chunks 200 times, and this sends each distinct chunk query once. Lives for one request
 * only, so it never serves anything stale. Once `signal` aborts (the request's deadline passed),
 * no read starts and reads in flight are cancelled, so an abandoned request stops costing anything.
 */
export function requestReads(store: SeriesStore, signal?: AbortSignal): SeriesReads {
  const chunks = new Map<string, Promise<Revision[]>>();
  let catalog: ReturnType<SeriesStore['listMeta']> | undefined;
  const live = <T>(read: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    return read();
  };
  return {
    getMeta: (id) => live(() => store.getMeta(id)),
    listMeta: () => live(() => (catalog ??= store.listMeta())),
    readVintages: (id) => live(() => store.readVintages(id, signal)),
    async readRevisions(id, from, to) {
      const [a, b] = [from ? yearOf(from) : 0, to ? yearOf(to) : 9999];
      const key = `${id}|${a}|${b}`;
      let years = chunks.get(key);
      if (!years) chunks.set(key, (years = live(() => store.readRevisions(id, a ? `${a}-01-01` : undefined, b < 9999 ? `${b}-12-31` : undefined, signal))));
      const all = await years;
      signal?.throwIfAborted();
      return from || to ? all.filter((r) => (!from || r.date >= from) && (!to || r.date <= to)) : all;
    },
  };
}
