import { GraphQLError } from 'graphql';

// Every error a user can cause carries a code a client can branch on and a message a person can act on.

export const badInput = (message: string, argumentName?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) } });

export const notFound = (message: string, argumentName?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argumentName ? { argumentName } : {}) } });

export const tooLarge = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'RESPONSE_TOO_LARGE' } });

/**
 * Nothing to answer with: the range holds no values, or asOf is before anything was published.
 * One code for observations, indicator, positioning and cutProbabilities alike; `details` carries
 * what there is (the series' data span, or the earliest vintage held) for clients to act on.
 */
export const noData = (message: string, details: Record<string, unknown> = {}): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'NO_DATA', ...details } });
