import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ApiKeyStore } from '../auth/key-store.js';
import { createKeyVerifier } from '../auth/key-verifier.js';
import { keyIdOf, requireApiKey } from '../auth/require-api-key.js';
import { createContext } from '../graphql/context.js';
import { createApolloServer, type ServerOptions } from '../graphql/server.js';
import { CheckRecords } from '../store/check-records.js';
import { ReadCache, type ReadCacheOptions } from '../store/read-cache.js';
import type { SeriesStore } from '../store/series-store.js';
import { withDeadline } from './deadline.js';
import { documentGate } from './document-gate.js';
import { frontDoorForBrowsers } from './front-door.js';
import { staleList } from './stale-list.js';

export interface HandlerOptions extends ServerOptions {
  /** How long this container reuses an API key lookup (default one minute). */
  keyCacheMs?: number;
  /** Whether the front page a browser gets at /graphql carries the GraphQL IDE (TIDE_IDE). */
  ide?: boolean;
  /** The cross-request read cache's settings; false reads every request from the store (fault tests). */
  cache?: ReadCacheOptions | false;
  /** The clock `series { freshness }` judges by (tests pin it). */
  now?: () => Date;
}

/** Schema introspection from TIDE_INTROSPECTION, which serverless.yml sets per stage; `fallback` when unset. */
export function introspectionFromEnv(fallback: boolean): boolean {
  const setting = process.env.TIDE_INTROSPECTION;
  return setting === 'true' ? true : setting === 'false' ? false : fallback;
}

/**
 * The GraphQL Lambda handler over a given store: deployed and local runtimes both serve this, so
 * both refuse a request without a valid API key in the same way, before Apollo parses it, and both
 * answer a request that outlives its deadline the same way.
 */
export function createGraphqlHandler(store: SeriesStore, opts: HandlerOptions = {}) {
  const server = createApolloServer(opts);
  const verify = createKeyVerifier(new ApiKeyStore(store.table, store.tableName), { cacheMs: opts.keyCacheMs });
  const cache = opts.cache === false ? null : new ReadCache(store, opts.cache);
  const checks = new CheckRecords(store.table, store.tableName);
  const signals = new WeakMap<APIGatewayProxyEventV2, AbortSignal>();
  const apollo = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    // A browser opening /graphql gets the front page before the key check.
    middleware: [frontDoorForBrowsers(opts.ide ?? false, staleList(store, opts.now)), requireApiKey(verify), documentGate],
    context: async ({ event, context }) => ({ ...createContext(cache ? cache.forRequest() : store, context.awsRequestId, signals.get(event), checks, opts.now), keyId: keyIdOf(event) }),
  });
  // The third parameter keeps Lambda's (event, context, callback) signature; the answer is the promise.
  return (event: APIGatewayProxyEventV2, context: Context, _callback?: unknown): Promise<APIGatewayProxyResultV2> =>
    withDeadline(context, async (signal) => {
      signals.set(event, signal);
      return noStoreUnlessSet((await apollo(event, context, () => undefined)) as APIGatewayProxyResultV2);
    });
}

/**
 * An answer no rule marked cacheable, and every error, is `no-store`: Apollo answers some 400s itself
 * (variables that are not an object, a GET it refuses) before any plugin runs, and a CDN would keep an
 * answer without Cache-Control for its own error TTL.
 */
function noStoreUnlessSet(result: APIGatewayProxyResultV2): APIGatewayProxyResultV2 {
  if (typeof result !== 'object' || result === null) return result;
  const headers = { ...(result.headers ?? {}) };
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'cache-control');
  if ((result.statusCode ?? 200) >= 400 || name === undefined) {
    if (name !== undefined) delete headers[name];
    headers['cache-control'] = 'no-store';
  }
  return { ...result, headers };
}

export type GraphqlHandler = ReturnType<typeof createGraphqlHandler>;
