// The one error type raised below the GraphQL layer (services, indicators, store), so those layers
// need nothing from GraphQL: the code comes from the schema's ErrorCode list, and the GraphQL layer
// turns a DomainError into a GraphQL error in one place (graphql/errors.ts, applied by the server).
import type { ErrorCode } from '../generated/enums.js';

export type { ErrorCode };

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The argument to blame (e.g. `from`, `inputs`, `window`), for clients that highlight fields. */
    readonly argument?: string,
    /** What there is to act on, added to the error's extensions (e.g. a series' data span for NO_DATA). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An argument the caller must change; the message says what would be accepted. */
export const badInput = (message: string, argument?: string): DomainError => new DomainError('BAD_USER_INPUT', message, argument);

/** Something the caller named (a series, a contract) that the store does not hold. */
export const notFound = (message: string, argument?: string): DomainError => new DomainError('NOT_FOUND', message, argument);

/** An answer over a size limit; the message says how to narrow the request. */
export const tooLarge = (message: string): DomainError => new DomainError('RESPONSE_TOO_LARGE', message);

/**
 * Nothing to answer with: the range holds no values, or asOf is before anything was published.
 * One code for observations, indicator, positioning and cutProbabilities alike; `details` carries
 * what there is (the series' data span, or the earliest vintage held) for clients to act on.
 */
export const noData = (message: string, details: Record<string, unknown> = {}): DomainError => new DomainError('NO_DATA', message, undefined, details);
