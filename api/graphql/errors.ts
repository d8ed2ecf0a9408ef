import { GraphQLError } from 'graphql';

// Every error a user can cause carries a code a client can branch on and a message a person can act on.

export const badInput = (message: string, argumentName?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argumentName ? { argumentName } : {}) } });

export const notFound = (message: string, argumentName?: string): GraphQLError =>
  new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(argumentName ? { argumentName } : {}) } });

export const tooLarge = (message: string): GraphQLError => new GraphQLError(message, { extensions: { code: 'RESPONSE_TOO_LARGE' } });
