import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import { createContext } from '../graphql/context.js';
import { createApolloServer, type ServerOptions } from '../graphql/server.js';
import { MetaCache } from '../store/meta-cache.js';
import type { SeriesStore } from '../store/series-store.js';

/** The GraphQL Lambda handler over a given store: deployed and local runtimes both serve this. */
export function createGraphqlHandler(store: SeriesStore, opts: ServerOptions = {}) {
  const server = createApolloServer(opts);
  const metaCache = new MetaCache(store);
  return startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ context }) => createContext(store, metaCache, context.awsRequestId),
  });
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
