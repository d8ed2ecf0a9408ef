import { trimDates } from '../series/range.js';
import type { Columns, Revision } from '../series/types.js';
import { yearOf } from './keys.js';
import type { SeriesStore } from './series-store.js';

/**
 * The reads resolvers make: from the store, or from a ReadCache's per-request view; per request they
 * go through `requestReads`. `sharesReads`: the reads already share chunk loads between calls (the
 * cache's view), so known values are asked for by their exact range, which the cache keeps as is.
 */
export type SeriesReads = Pick<SeriesStore, 'readRevisions' | 'readKnown' | 'readVintages' | 'getMeta' | 'listMeta'> & { readonly sharesReads?: true };

type ReadKnown = SeriesStore['readKnown'];

/**
 * Known-value reads widened to whole years and shared, each cut to its own range: 200 cells of one
 * series in one request cost one store read per distinct span of years.
 */
export function sharedByYearSpan(read: ReadKnown): ReadKnown {
  const spans = new Map<string, Promise<Columns>>();
  return async (id, from, to, asOf, signal) => {
    const [a, b] = [from ? yearOf(from) : 0, to ? yearOf(to) : 9999];
    const key = `${id}|${a}|${b}|${asOf ?? ''}`;
    let all = spans.get(key);
    if (!all) spans.set(key, (all = read(id, a ? `${a}-01-01` : undefined, b < 9999 ? `${b}-12-31` : undefined, asOf, signal)));
    return trimDates(await all, from, to);
  };
}

/**
 * One request's reads, deduplicated: a sheet recalculating 200 cells of the same series asks for the
 * same year-chunks 200 times, and this sends each distinct chunk query once. Lives for one request
 * only; across requests, ReadCache keeps chunks by version. Once `signal` aborts (the request's
 * deadline passed), no read starts and reads in flight are cancelled, so an abandoned request stops costing anything.
 */
export function requestReads(store: SeriesReads, signal?: AbortSignal): SeriesReads {
  const chunks = new Map<string, Promise<Revision[]>>();
  const exact = new Map<string, Promise<Columns>>();
  const metas = new Map<string, ReturnType<SeriesStore['getMeta']>>();
  let catalog: ReturnType<SeriesStore['listMeta']> | undefined;
  const live = <T>(read: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    return read();
  };
  const spanned = sharedByYearSpan((id, from, to, asOf) => live(() => store.readKnown(id, from, to, asOf, signal)));
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
      let read: Promise<Columns>;
      if (store.sharesReads) {
        const key = `${id}|${from ?? ''}|${to ?? ''}|${asOf ?? ''}`;
        const held = exact.get(key);
        read = held ?? live(() => store.readKnown(id, from, to, asOf, signal));
        if (!held) exact.set(key, read);
      } else read = spanned(id, from, to, asOf);
      const columns = await read;
      signal?.throwIfAborted();
      return columns;
    },
  };
}
