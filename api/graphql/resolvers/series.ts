import type { SeriesResolvers } from '../../generated/resolvers-types.js';
import { readLatest } from '../../services/latest.js';
import { readObservations } from '../../services/observations.js';
import { readRevisionHistory, readRevisionsSince } from '../../services/revisions.js';

export const Series: SeriesResolvers = {
  notes: (meta) => meta.notes ?? null,
  vintages: (meta) => meta.vintages ?? [],
  observations: (meta, args, ctx) => readObservations(ctx.store, meta, args),
  latest: (meta, { asOf }, ctx) => readLatest(ctx.store, meta, asOf),
  revisions: (meta, { date, asOf }, ctx) => readRevisionHistory(ctx.store, meta, date, asOf),
  revisionsSince: (meta, args, ctx) => readRevisionsSince(ctx.store, meta, args),
};
