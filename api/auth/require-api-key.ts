import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import { RETRY_AFTER_SECONDS, transientFault } from '../store/transient-faults.js';
import type { KeyVerifier, Verdict } from './key-verifier.js';

export const API_KEY_HEADER = 'x-api-key';

const MESSAGES: Record<Exclude<Verdict, { ok: true }>['reason'], string> = {
  missing: `Tide needs an API key: send it in the ${API_KEY_HEADER} header (\`npm run keys -- create\` makes one; \`npm start\` prints a development key)`,
  unknown: `The ${API_KEY_HEADER} header does not match any key of this deployment; check it was copied whole, or create one with \`npm run keys -- create\``,
  revoked: 'This API key has been revoked; create a new one with `npm run keys -- create`',
};

const errorResponse = (statusCode: number, message: string, code: string, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  // no-store: a CDN in front must never keep a refusal (nor anything else for a key it did not check).
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});

export const unauthorized = (reason: keyof typeof MESSAGES): APIGatewayProxyStructuredResultV2 =>
  errorResponse(401, MESSAGES[reason], 'UNAUTHENTICATED', { 'www-authenticate': `ApiKey header="${API_KEY_HEADER}"` });

// The id of the key that let each event through, for the request log; the key itself is never kept.
const keyIds = new WeakMap<APIGatewayProxyEventV2, string>();
export const keyIdOf = (event: APIGatewayProxyEventV2): string | undefined => keyIds.get(event);

/** Lambda middleware: answers 401 before Apollo sees a request without a valid key. */
export function requireApiKey(verify: KeyVerifier) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> => {
    let verdict: Verdict;
    try {
      verdict = await verify(event.headers?.[API_KEY_HEADER]);
    } catch (err) {
      // The store's message (endpoint, table) is for the log, not the caller.
      logger.error('API key check failed', { requestId: event.requestContext.requestId, error: err as Error });
      // Busy or unreachable (the faults the store client retries): ask again; anything else will not pass by retrying.
      const fault = transientFault(err);
      if (fault) return errorResponse(503, 'The API key could not be checked just now; retry in a few seconds', 'SERVICE_UNAVAILABLE', { 'retry-after': String(RETRY_AFTER_SECONDS[fault]) });
      return errorResponse(500, 'The API key could not be checked: the server failed reading its keys; it has been logged', 'INTERNAL_SERVER_ERROR');
    }
    if (verdict.ok) {
      keyIds.set(event, verdict.keyId);
      return;
    }
    logger.warn('request refused', { requestId: event.requestContext.requestId, reason: verdict.reason, sourceIp: event.requestContext.http.sourceIp });
    return unauthorized(verdict.reason);
  };
}
