import type { SeriesDescription } from '../../api/ingest/types.js';
import { ingest } from '../../api/ingest/pipeline.js';
import type { Revision } from '../../api/series/types.js';
import type { SeriesStore } from '../../api/store/series-store.js';

/** One series through the ingest pipeline, the one write path; returns how many revisions were new. */
export async function writeSeries(store: SeriesStore, meta: SeriesDescription, revisions: Revision[]): Promise<number> {
  const [outcome] = await ingest(store, 'test', [{ meta, revisions }]);
  if (outcome.error) throw new Error(outcome.error);
  return outcome.pointsAdded;
}
