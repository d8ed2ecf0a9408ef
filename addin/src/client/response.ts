// Splits one batched GraphQL response back into one outcome per aliased field, so each cell gets
// its own value or its own error.
import { errorForCode } from '../shared/error-codes.js';
import type { TideError } from '../shared/errors.js';

export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: unknown };
}

export interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorBody[];
  /** Not part of the body: how long the server asked to wait before asking again (its Retry-After, bounded). */
  retryAfterMs?: number;
}

export type FieldOutcome =
  | { type: 'value'; value: unknown }
  | { type: 'error'; error: TideError }
  /** No value and no error of its own: another field's error nulled the whole response. */
  | { type: 'missing' };

export interface Distributed {
  /** An error about the request as a whole (no path): invalid query, bad key, limits. */
  requestError?: TideError;
  fields: FieldOutcome[];
}

export function distributeResponse(response: GraphQLResponse, aliases: readonly string[]): Distributed {
  const errorsByAlias = new Map<string, TideError>();
  let requestError: TideError | undefined;
  for (const e of response.errors ?? []) {
    const error = errorForCode(e.extensions?.code, e.message);
    const alias = typeof e.path?.[0] === 'string' ? e.path[0] : undefined;
    if (alias === undefined) requestError ??= error;
    else if (!errorsByAlias.has(alias)) errorsByAlias.set(alias, error);
  }
  const data = response.data ?? undefined;
  const fields = aliases.map((alias): FieldOutcome => {
    const own = errorsByAlias.get(alias);
    if (own) return { type: 'error', error: own };
    if (data && alias in data) return { type: 'value', value: data[alias] };
    if (requestError) return { type: 'error', error: requestError };
    return { type: 'missing' };
  });
  return { requestError, fields };
}
