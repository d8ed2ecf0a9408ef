import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { ErrorCode } from '../errors/domain-error.js';
import { logger } from '../observability/logger.js';
import { requestLog } from '../observability/request-log-plugin.js';
import { API_KEY_HEADER } from '../auth/require-api-key.js';
import type { GraphQLContext } from './context.js';
import { maxQueryTokens } from './limits/settings.js';
import { DocumentStore } from './document-store.js';
import { QueryTextCache } from './query-text-cache.js';
import { formatDomainError, graphqlError, isDomainError } from './errors.js';
import { cacheControl, type CacheControlOptions } from './http/cache-control-plugin.js';
import { retryAfterOnTransientFaults } from './http/retry-after-plugin.js';
import { transientFault } from '../store/transient-faults.js';
import { costLimits } from './limits/cost-limits-plugin.js';
import { completeLeafListsInBulk, leafListsPlugin } from './leaf-lists.js';
import { buildExecutableSchema } from './schema.js';

export interface ServerOptions {
  /** Schema introspection; serverless.yml turns it off on the production stage. */
  introspection?: boolean;
  /** When answers count as immutable for Cache-Control (tests pin the clock). */
  cacheControl?: CacheControlOptions;
}

/** Errors we raised on purpose pass through (a DomainError with its code); anything else is logged and shown without internals. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDomainError(original)) return formatDomainError(formatted, original);
  const code = formatted.extensions?.code;
  // A read cancelled at the request's deadline: the caller has had its DEADLINE_EXCEEDED answer already.
  if (original instanceof Error && original.name === 'AbortError') {
    return { message: 'The request passed its deadline; this field was not finished', path: formatted.path, extensions: { code: 'DEADLINE_EXCEEDED' satisfies ErrorCode } };
  }
  if (isGraphQLError(original) || (code && code !== 'INTERNAL_SERVER_ERROR')) return formatted;
  // Exactly the faults the store client retries (one classification), now past its retries: the caller may simply retry.
  const fault = transientFault(original);
  if (fault) {
    logger.warn('data store unavailable after retries', { fault, errorName: (original as Error).name, errorCode: (original as { code?: string }).code, path: formatted.path });
    return {
      message: 'The data store is busy or unreachable right now; nothing was changed, retry in a few seconds',
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE' satisfies ErrorCode },
    };
  }
  logger.error('unexpected resolver error', { error: original as Error, path: formatted.path });
  return { message: 'Internal error while answering this field; it has been logged', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' satisfies ErrorCode } };
}

// By name, not instanceof: graphql ships CommonJS and ESM builds, and a bundle may hold both.
const isGraphQLError = (e: unknown): boolean => e instanceof GraphQLError || (e instanceof Error && e.name === 'GraphQLError');

/** Tide is read-only: a mutation or subscription gets a 400 that says so, not an execution error. */
const queriesOnly: ApolloServerPlugin<GraphQLContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation && operation.operation !== 'query') {
          throw graphqlError('BAD_REQUEST', `Tide's API is read-only: send a query, not a ${operation.operation}`, { httpStatus: 400 });
        }
      },
    };
  },
};

export function createApolloServer(opts: ServerOptions = {}): ApolloServer<GraphQLContext> {
  const introspection = opts.introspection ?? true;
  return new ApolloServer<GraphQLContext>({
    schema: completeLeafListsInBulk(buildExecutableSchema()),
    introspection,
    // Without introspection, "Did you mean …?" in an error would list the schema's fields anyway.
    hideSchemaDetailsFromClientErrors: !introspection,
    // The parser stops at this many tokens, so an oversized document costs no more than reading it.
    parseOptions: { maxTokens: maxQueryTokens() },
    documentStore: new DocumentStore(),
    includeStacktraceInErrorResponses: false,
    formatError,
    // GET is allowed for queries (Apollo refuses anything else over GET). CSRF prevention stays on:
    // every request must carry x-api-key, a header no simple (unpreflighted) browser request can send.
    csrfPrevention: { requestHeaders: [API_KEY_HEADER, 'apollo-require-preflight', 'x-apollo-operation-name'] },
    // Automatic persisted queries are resolved per API key before Apollo (api/handlers/persisted-queries.ts),
    // so Apollo's own, shared by every caller, is off. Apollo still wants a cache; a bounded one.
    cache: new QueryTextCache(),
    persistedQueries: false,
    plugins: [
      // First: the long lists of leaves go into the result before any other plugin reads it.
      leafListsPlugin as ApolloServerPlugin<GraphQLContext>,
      // No Apollo landing page: it loads its IDE from another host, and a browser's navigation to /graphql
      // (which never carries x-api-key) gets the front door's page, Tide's own, before Apollo.
      ApolloServerPluginLandingPageDisabled(),
      queriesOnly,
      costLimits,
      requestLog as ApolloServerPlugin<GraphQLContext>,
      ApolloServerPluginCacheControlDisabled(), // Apollo's per-field hints are replaced by the rule in cacheControl
      // Tide reports nothing to Apollo GraphOS; the bundle leaves these plugins' protobuf out (infra/esbuild-plugins.cjs).
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      retryAfterOnTransientFaults as ApolloServerPlugin<GraphQLContext>,
      cacheControl(opts.cacheControl) as ApolloServerPlugin<GraphQLContext>,
    ],
  });
}
