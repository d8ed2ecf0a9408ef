import type { SeriesResolvers } from '../../generated/resolvers-types.js';
import { readLatest } from '../../services/latest.js';
import { readObservations } from '../../services/observations.js';

export const Series: SeriesResolvers = {
  notes: (meta) => meta.notes ?? null,
  vintages: (meta, _args, ctx) => ctx.store.readVintages(meta.id),
  observations: (meta, args, ctx) => readObservations(ctx.store, meta, args),
  latest: (meta, { asOf }, ctx) => readLatest(ctx.store, meta, asOf),
};
