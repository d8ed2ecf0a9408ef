import type { Revision, SeriesMeta } from '../series/types.js';
import { yearOf } from '../store/keys.js';
import type { SeriesReads } from '../store/request-reads.js';
import { inForce } from '../series/revisions.js';

/**
 * The last non-missing value as known on `asOf`, reading one year-chunk at a time backwards from the
 * newest, so the usual case costs one item.
 */
export async function readLatest(store: SeriesReads, meta: SeriesMeta, asOf?: string | null): Promise<Revision | null> {
  if (!meta.lastDate || !meta.firstDate) return null;
  const newest = asOf && asOf < meta.lastDate ? asOf : meta.lastDate;
  for (let year = yearOf(newest); year >= yearOf(meta.firstDate); year--) {
    const known = inForce(await store.readRevisions(meta.id, `${year}-01-01`, `${year}-12-31`), asOf ?? undefined);
    for (let i = known.length - 1; i >= 0; i--) if (known[i].value !== null) return known[i];
  }
  return null;
}
