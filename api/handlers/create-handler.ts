import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { ApiKeyStore } from '../auth/key-store.js';
import { createKeyVerifier } from '../auth/key-verifier.js';
import { keyIdOf, requireApiKey } from '../auth/require-api-key.js';
import { createContext } from '../graphql/context.js';
import { createApolloServer, type ServerOptions } from '../graphql/server.js';
import { frontDoorForBrowsers } from './front-door.js';
import { MetaCache } from '../store/meta-cache.js';
import type { SeriesStore } from '../store/series-store.js';

export interface HandlerOptions extends ServerOptions {
  /** How long this container reuses an API key lookup (default one minute). */
  keyCacheMs?: number;
  /** Whether the front page a browser gets at /graphql carries the GraphQL IDE (TIDE_IDE). */
  ide?: boolean;
}

/**
 * The GraphQL Lambda handler over a given store: deployed and local runtimes both serve this, so
 * both refuse a request without a valid API key in the same way, before Apollo parses it.
 */
export function createGraphqlHandler(store: SeriesStore, opts: HandlerOptions = {}) {
  const server = createApolloServer(opts);
  const verify = createKeyVerifier(new ApiKeyStore(store.client, store.tableName), { cacheMs: opts.keyCacheMs });
  const metaCache = new MetaCache(store);
  return startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    middleware: [frontDoorForBrowsers(opts.ide ?? false), requireApiKey(verify)],
    context: async ({ event, context }) => ({ ...createContext(store, metaCache, context.awsRequestId), keyId: keyIdOf(event) }),
  });
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
