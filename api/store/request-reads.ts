import { trimDates } from '../series/range.js';
import type { Columns, Revision } from '../series/types.js';
import { yearOf } from './keys.js';
import type { SeriesStore } from './series-store.js';

/** The reads resolvers make: from the store, or from a ReadCache's per-request view; per request they go through `requestReads`. */
export type SeriesReads = Pick<SeriesStore, 'readRevisions' | 'readKnown' | 'readVintages' | 'getMeta' | 'listMeta'>;

/**
 * One request's reads, deduplicated: a sheet recalculating 200 cells of the same series asks for the
 * same year-chunks 200 times, and this sends each distinct chunk query once. Lives for one request
 * only; across requests, ReadCache keeps chunks by version. Once `signal` aborts (the request's
 * deadline passed), no read starts and reads in flight are cancelled, so an abandoned request stops costing anything.
 */
export function requestReads(store: SeriesReads, signal?: AbortSignal): SeriesReads {
  const chunks = new Map<string, Promise<Revision[]>>();
  const known = new Map<string, Promise<Columns>>();
  const metas = new Map<string, ReturnType<SeriesStore['getMeta']>>();
  let catalog: ReturnType<SeriesStore['listMeta']> | undefined;
  const live = <T>(read: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    return read();
  };
  return {
    getMeta: (id) => {
      let meta = metas.get(id);
      if (!meta) metas.set(id, (meta = live(() => store.getMeta(id))));
      return meta;
    },
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
    async readKnown(id, from, to, asOf) {
      const [a, b] = [from ? yearOf(from) : 0, to ? yearOf(to) : 9999];
      const key = `${id}|${a}|${b}|${asOf ?? ''}`;
      let years = known.get(key);
      if (!years) known.set(key, (years = live(() => store.readKnown(id, a ? `${a}-01-01` : undefined, b < 9999 ? `${b}-12-31` : undefined, asOf, signal))));
      const all = await years;
      signal?.throwIfAborted();
      return trimDates(all, from, to);
    },
  };
}
