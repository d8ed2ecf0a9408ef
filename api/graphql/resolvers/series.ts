import type { SeriesResolvers } from '../../generated/resolvers-types.js';
import { freshnessOf, utcDay } from '../../services/freshness.js';
import { readLatest } from '../../services/latest.js';
import { requirePublishedBy, requireValuesIn } from '../../services/no-data.js';
import { readObservations } from '../../services/observations.js';
import { readRevisionHistory, readRevisionsSince } from '../../services/revisions.js';

export const Series: SeriesResolvers = {
  notes: (meta) => meta.notes ?? null,
  vintages: (meta, _args, ctx) => ctx.store.readVintages(meta.id),
  freshness: async (meta, _args, ctx) => freshnessOf(meta, await ctx.checks.lastChecked(meta.id), utcDay(ctx.now())),
  observations: async (meta, args, ctx) => {
    requirePublishedBy(meta, args.asOf);
    const result = await readObservations(ctx.store, meta, args);
    requireValuesIn(meta, result, args);
    return result;
  },
  latest: (meta, { asOf }, ctx) => {
    requirePublishedBy(meta, asOf);
    return readLatest(ctx.store, meta, asOf);
  },
  revisions: (meta, { date, asOf }, ctx) => readRevisionHistory(ctx.store, meta, date, asOf),
  revisionsSince: (meta, args, ctx) => readRevisionsSince(ctx.store, meta, args),
};
