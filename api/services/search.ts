import { badInput } from '../errors/domain-error.js';
import type { SeriesMeta } from '../series/types.js';
import { MAX_SEARCH_TEXT_LENGTH, MAX_SEARCH_WORDS } from './limits.js';
import { rankSeries, searchWords } from './search-rank.js';

export const MAX_PAGE_SIZE = 100;

export const encodeCursor = (id: string): string => Buffer.from(`series:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('series:')) throw badInput('"after" is not a cursor from a previous searchSeries page; pass pageInfo.endCursor', 'after');
  return text.slice('series:'.length);
}

/** Refuses a search text past a length and word count that no catalog search needs. */
function checkSearchText(text: string | null | undefined): void {
  if (text && text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badInput(`"text" is ${text.length} characters long; search with at most ${MAX_SEARCH_TEXT_LENGTH} (a few words of an id, name or source)`, 'text');
  }
  const words = searchWords(text);
  if (words.length > MAX_SEARCH_WORDS) throw badInput(`"text" has ${words.length} different words; search with at most ${MAX_SEARCH_WORDS}`, 'text');
}

/** Every word must appear somewhere in the series' descriptive text; results come best first (search-rank.ts). */
export function searchCatalog(all: SeriesMeta[], text: string | null | undefined, first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}`, 'first');
  }
  checkSearchText(text);
  const matches = rankSeries(all, text);
  // A cursor names the last series of the previous page; the next page starts after it.
  const last = after ? matches.findIndex((m) => m.id === decodeCursor(after)) : -1;
  if (after && last < 0) throw badInput('"after" names a series that is no longer among these results (the catalog changed); search again without "after"', 'after');
  const start = last + 1;
  const page = matches.slice(start, start + first);
  const hasNextPage = start + first < matches.length;
  return { page, totalCount: matches.length, hasNextPage, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null };
}
