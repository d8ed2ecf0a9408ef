import { badInput } from '../errors/domain-error.js';
import { MAX_SERIES_ID_LENGTH } from './limits.js';

/** A series id too long to be one is bad input, refused before it reaches the store (whose keys stop at 2,048 bytes). */
export function requireSeriesId(id: string, argumentName?: string): void {
  if (id.length > MAX_SERIES_ID_LENGTH) {
    throw badInput(`A series id is at most ${MAX_SERIES_ID_LENGTH} characters; this one has ${id.length} ("${id.slice(0, 20)}…"). searchSeries(text: "…") lists the ids`, argumentName);
  }
}
