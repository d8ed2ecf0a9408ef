import type { QueryResolvers } from '../../generated/resolvers-types.js';
import { requireSeriesId } from '../../services/ids.js';
import { searchCatalog, encodeCursor } from '../../services/search.js';
import { badInput } from '../../errors/domain-error.js';

export const Query: QueryResolvers = {
  series: async (_root, { id }, ctx) => {
    if (!id.trim()) throw badInput('"id" is empty; pass a series id such as "RUT" (searchSeries lists them)', 'id');
    requireSeriesId(id, 'id');
    return ctx.meta(id, 'id');
  },
  searchSeries: async (_root, { text, first, after }, ctx) => {
    const result = searchCatalog(await ctx.store.listMeta(), text, first ?? 20, after);
    return {
      edges: result.page.map((node) => ({ cursor: encodeCursor(node.id), node })),
      nodes: result.page,
      totalCount: result.totalCount,
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
    };
  },
};
