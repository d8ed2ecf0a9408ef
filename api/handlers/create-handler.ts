import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { ApiKeyStore } from '../auth/key-store.js';
import { createKeyVerifier } from '../auth/key-verifier.js';
import { keyIdOf, requireApiKey } from '../auth/require-api-key.js';
import { createContext } from '../graphql/context.js';
import { createApolloServer, type ServerOptions } from '../graphql/server.js';
import { ReadCache, type ReadCacheOptions } from '../store/read-cache.js';
import type { SeriesStore } from '../store/series-store.js';

export interface HandlerOptions extends ServerOptions {
  /** How long this container reuses an API key lookup (default one minute). */
  keyCacheMs?: number;
  /** The cross-request read cache's settings; false reads every request from the store (fault tests). */
  cache?: ReadCacheOptions | false;
}

/**
 * The GraphQL Lambda handler over a given store: deployed and local runtimes both serve this, so
 * both refuse a request without a valid API key in the same way, before Apollo parses it.
 */
export function createGraphqlHandler(store: SeriesStore, opts: HandlerOptions = {}) {
  const server = createApolloServer(opts);
  const verify = createKeyVerifier(new ApiKeyStore(store.client, store.tableName), { cacheMs: opts.keyCacheMs });
  const cache = opts.cache === false ? null : new ReadCache(store, opts.cache);
  return startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    middleware: [requireApiKey(verify)],
    context: async ({ event, context }) => ({ ...createContext(cache ? cache.forRequest() : store, context.awsRequestId), keyId: keyIdOf(event) }),
  });
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
