import { badInput } from '../errors/domain-error.js';
import { MAX_EXPRESSION_LENGTH } from '../series/expression.js';
import { MAX_SERIES_ID_LENGTH } from './limits.js';

/**
 * Text too long to be an id or an expression is bad input, refused before it reaches the store (whose
 * keys stop at 2,048 bytes); an id within an expression is held to MAX_SERIES_ID_LENGTH when it is parsed.
 */
export function requireSeriesId(id: string, argumentName?: string): void {
  if (id.length > MAX_EXPRESSION_LENGTH) {
    throw badInput(
      `A series id is at most ${MAX_SERIES_ID_LENGTH} characters; this one has ${id.length} ("${id.slice(0, 20)}…"). An expression is at most ${MAX_EXPRESSION_LENGTH}. searchSeries(text: "…") lists the ids`,
      argumentName,
    );
  }
}
