import type { StaleLine } from '../front-door/page.js';
import { logger } from '../observability/logger.js';
import { staleSeries, utcDay } from '../services/freshness.js';
import { CheckRecords } from '../store/check-records.js';
import type { SeriesStore } from '../store/series-store.js';

/** How long one container reuses the list: the front page needs no key, so its reads must not follow its visits. */
export const STALE_LIST_TTL_MS = 60_000;

/**
 * The front page's stale series from `store`, read at most once a minute. A failed read shows the page
 * without the list (logged) rather than no page.
 */
export function staleList(store: SeriesStore, now: () => Date = () => new Date(), ttlMs = STALE_LIST_TTL_MS): () => Promise<StaleLine[]> {
  const checks = new CheckRecords(store.table, store.tableName);
  let held: { at: number; list: Promise<StaleLine[]> } | undefined;
  return () => {
    const t = now().getTime();
    if (!held || t - held.at >= ttlMs) {
      const list = staleSeries(store, checks, utcDay(now())).catch((error: Error) => {
        logger.warn('stale series could not be read for the front page', { error });
        held = undefined;
        return [];
      });
      held = { at: t, list };
    }
    return held.list;
  };
}
