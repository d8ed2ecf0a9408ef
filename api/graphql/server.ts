import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { typeDefs } from '../generated/type-defs.js';
import { logger } from '../observability/logger.js';
import type { GraphQLContext } from './context.js';
import { resolvers } from './resolvers/index.js';

export interface ServerOptions {
  introspection?: boolean;
}

/** Errors we raised on purpose pass through; anything else is logged and shown without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code;
  if (original instanceof GraphQLError || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  logger.error('unexpected resolver error', { error: original as Error, path: formatted.path });
  return { message: 'Internal error while answering this field; it has been logged', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

export function createApolloServer(opts: ServerOptions = {}): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    typeDefs,
    resolvers,
    introspection: opts.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    formatError,
  });
}
