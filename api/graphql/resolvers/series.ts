import type { SeriesResolvers } from '../../generated/resolvers-types.js';
import { freshnessOf, utcDay } from '../../services/freshness.js';
import { isExpression, readExpressionLatest, readSeriesObservations, refuseRevisionsOf } from '../../services/expressions.js';
import { readLatest } from '../../services/latest.js';
import { requirePublishedBy, requireValuesIn } from '../../services/no-data.js';
import { readRevisionHistory, readRevisionsSince } from '../../services/revisions.js';

export const Series: SeriesResolvers = {
  notes: (meta) => meta.notes ?? null,
  vintages: async (meta, _args, ctx) => {
    if (!isExpression(meta)) return ctx.store.readVintages(meta.id);
    const each = await Promise.all(meta.operands.map((op) => ctx.store.readVintages(op.id)));
    return [...new Set(each.flat())].sort();
  },
  freshness: async (meta, _args, ctx) => freshnessOf(meta, await ctx.checks.lastChecked(meta.id), utcDay(ctx.now())),
  operands: (meta) => (isExpression(meta) ? meta.operands : []),
  observations: async (meta, args, ctx) => {
    if (!isExpression(meta)) requirePublishedBy(meta, args.asOf); // an expression names the operand that was not published yet
    const result = await readSeriesObservations(ctx.store, meta, args);
    requireValuesIn(meta, result, args);
    return { ...result, meta: result.meta ?? null };
  },
  latest: (meta, { asOf }, ctx) => {
    requirePublishedBy(meta, asOf);
    return isExpression(meta) ? readExpressionLatest(ctx.store, meta, asOf) : readLatest(ctx.store, meta, asOf);
  },
  revisions: (meta, { date, asOf }, ctx) => (isExpression(meta) ? refuseRevisionsOf(meta, 'revisions') : readRevisionHistory(ctx.store, meta, date, asOf)),
  revisionsSince: (meta, args, ctx) => (isExpression(meta) ? refuseRevisionsOf(meta, 'revisionsSince') : readRevisionsSince(ctx.store, meta, args)),
};
