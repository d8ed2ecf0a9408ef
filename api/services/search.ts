import { badInput } from '../graphql/errors.js';
import type { SeriesMeta } from '../series/types.js';
import { MAX_SEARCH_TEXT_LENGTH, MAX_SEARCH_WORDS } from './limits.js';

export const MAX_PAGE_SIZE = 100;

const haystack = (m: SeriesMeta): string =>
  [m.id, m.name, m.unit, m.frequency, m.source.name, m.source.sourceId, m.notes ?? ''].join(' ').toLowerCase();

export const encodeCursor = (id: string): string => Buffer.from(`series:${id}`).toString('base64url');

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('series:')) throw badInput('"after" is not a cursor from a previous searchSeries page; pass pageInfo.endCursor', 'after');
  return text.slice('series:'.length);
}

/** The words of a search text, refused past a length and word count that no catalog search needs. */
function searchWords(text: string | null | undefined): string[] {
  if (text && text.length > MAX_SEARCH_TEXT_LENGTH) {
    throw badInput(`"text" is ${text.length} characters long; search with at most ${MAX_SEARCH_TEXT_LENGTH} (a few words of an id, name or source)`, 'text');
  }
  const words = [...new Set((text ?? '').toLowerCase().split(/\s+/).filter(Boolean))];
  if (words.length > MAX_SEARCH_WORDS) throw badInput(`"text" has ${words.length} different words; search with at most ${MAX_SEARCH_WORDS}`, 'text');
  return words;
}

/** Every word must appear somewhere in the series' descriptive text; results are ordered by id. */
export function searchCatalog(all: SeriesMeta[], text: string | null | undefined, first: number, after?: string | null) {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}`, 'first');
  }
  const words = searchWords(text);
  // Each series' text is built once per search, not once per word.
  const matches = all.filter((m) => {
    const hay = haystack(m);
    return words.every((w) => hay.includes(w));
  }).sort((a, b) => (a.id < b.id ? -1 : 1));
  const start = after ? matches.findIndex((m) => m.id > decodeCursor(after)) : 0;
  const page = start < 0 ? [] : matches.slice(start, start + first);
  const hasNextPage = start >= 0 && start + first < matches.length;
  return { page, totalCount: matches.length, hasNextPage, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null };
}
