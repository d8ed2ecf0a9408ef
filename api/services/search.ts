import { badInput } from '../graphql/errors.js';
import type { SeriesMeta } from '../series/types.js';

export const MAX_PAGE_SIZE = 100;

const haystack = (m: SeriesMeta): string =>
  [m.id, m.name, m.unit, m.frequency, m.source.name, m.source.sourceId, m.notes ?? ''].join(' ').toLowerCase();

export const encodeCursor = (id: string): string => Buffer.from(`series:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('series:')) throw badInput('"after" is not a cursor from a previous searchSeries page; pass pageInfo.endCursor', 'after');
  return text.slice('series:'.length);
}

/** Every word must appear somewhere in the series' descriptive text; results are ordered by id. */
export function searchCatalog(all: SeriesMeta[], text: string | null | undefined, first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}`, 'first');
  }
  const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const matches = all.filter((m) => words.every((w) => haystack(m).includes(w))).sort((a, b) => (a.id < b.id ? -1 : 1));
  const start = after ? matches.findIndex((m) => m.id > decodeCursor(after)) : 0;
  const page = start < 0 ? [] : matches.slice(start, start + first);
  const hasNextPage = start >= 0 && start + first < matches.length;
  return { page, totalCount: matches.length, hasNextPage, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null };
}
