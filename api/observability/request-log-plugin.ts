import type { ApolloServerPlugin } from '@apollo/server';
import { logger } from './logger.js';

interface LoggedContext {
  requestId: string;
  keyId?: string;
}

/**
 * One structured line per GraphQL request: who (key id, never the key), what (operation name),
 * how long and how it ended. Query text and variables are not logged: they are the caller's data.
 */
export const requestLog: ApolloServerPlugin<LoggedContext> = {
  async requestDidStart({ contextValue }) {
    const started = performance.now();
    return {
      async willSendResponse({ request, operation, response, errors }) {
        const codes = [...new Set((errors ?? []).map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
        logger.info('graphql request', {
          requestId: contextValue.requestId,
          keyId: contextValue.keyId,
          operationName: request.operationName ?? operation?.name?.value ?? null,
          operationType: operation?.operation ?? null,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          status: response.http.status ?? 200,
          ...(codes.length ? { errorCodes: codes } : {}),
        });
      },
    };
  },
};
