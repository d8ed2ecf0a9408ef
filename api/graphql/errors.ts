import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, type ErrorCode } from '../errors/domain-error.js';

// Where errors become GraphQL errors. Layers below raise DomainError; the server's formatError calls
// `formatDomainError`, so each keeps its code, its message and the argument it blames. Errors of the
// GraphQL layer itself (scalars, limits, the read-only rule) are made here with `graphqlError`.

/** A GraphQL error with a code from the schema's ErrorCode list (and an HTTP status, for request-level refusals). */
export function graphqlError(code: ErrorCode, message: string, opts: { argumentName?: string; httpStatus?: number } = {}): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(opts.argumentName ? { argumentName: opts.argumentName } : {}), ...(opts.httpStatus ? { http: { status: opts.httpStatus } } : {}) },
  });
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** The response entry for a DomainError thrown while resolving `formatted`'s field. */
export function formatDomainError(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  return {
    message: error.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: error.code, ...(error.argument ? { argumentName: error.argument } : {}), ...error.details },
  };
}
