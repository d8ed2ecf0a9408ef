import { withFedWatchSeries } from '../services/fedwatch-series.js';
import { requireSeriesId } from '../services/ids.js';
import { lookupSeries } from '../services/expressions.js';
import { requestReads, type SeriesReads } from '../store/request-reads.js';
import type { SeriesMeta } from '../series/types.js';
import type { CheckReader } from '../store/check-records.js';
import type { SeriesReader } from '../services/indicators/inputs.js';

/** What resolvers get: the services' SeriesReader plus the request's id. */
export interface GraphQLContext extends SeriesReader {
  store: SeriesReads;
  requestId: string;
  /** A stored series or an expression (services/expressions.ts); `argument` is blamed in errors. */
  meta(id: string, argument?: string): Promise<SeriesMeta | null>;
  /** Aborted when the request's deadline passes: reads then stop and the request's work is dropped. */
  signal: AbortSignal;
  /** The ingest's last successful check of each series, read at most once per series per request. */
  checks: CheckReader;
  /** The clock `freshness` judges by (tests pin it). */
  now: () => Date;
}

/** No schedule keeps any series (a store without check records). */
const NO_CHECKS: CheckReader = { lastChecked: async () => null };

function oncePerRequest(checks: CheckReader, signal: AbortSignal): CheckReader {
  const seen = new Map<string, Promise<string | null>>();
  return {
    lastChecked: (id) => {
      signal.throwIfAborted();
      let at = seen.get(id);
      if (!at) seen.set(id, (at = checks.lastChecked(id)));
      return at;
    },
  };
}

/** `reads`: the container's ReadCache view for this request (or the store itself). */
export function createContext(
  reads: SeriesReads,
  requestId: string,
  signal: AbortSignal = new AbortController().signal,
  checks: CheckReader = NO_CHECKS,
  now: () => Date = () => new Date(),
): GraphQLContext {
  // FEDWATCH:<meeting>:… ids are derived series, resolved on the same reads (services/fedwatch-series.ts)
  const shared = withFedWatchSeries(requestReads(reads, signal));
  return {
    store: shared,
    requestId,
    signal,
    checks: oncePerRequest(checks, signal),
    now,
    meta: async (id, argument) => {
      requireSeriesId(id, argument);
      signal.throwIfAborted();
      return lookupSeries(shared, id, argument);
    },
  };
}
