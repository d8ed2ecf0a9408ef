import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '../observability/logger.js';
import type { KeyVerifier, Verdict } from './key-verifier.js';

export const API_KEY_HEADER = 'x-api-key';

const MESSAGES: Record<Exclude<Verdict, { ok: true }>['reason'], string> = {
  missing: `Tide needs an API key: send it in the ${API_KEY_HEADER} header (\`npm run keys -- create\` makes one; \`npm start\` prints a development key)`,
  unknown: `The ${API_KEY_HEADER} header does not match any key of this deployment; check it was copied whole, or create one with \`npm run keys -- create\``,
  revoked: 'This API key has been revoked; create a new one with `npm run keys -- create`',
};

export function unauthorized(reason: keyof typeof MESSAGES): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 401,
    headers: { 'content-type': 'application/json; charset=utf-8', 'www-authenticate': `ApiKey header="${API_KEY_HEADER}"` },
    body: JSON.stringify({ errors: [{ message: MESSAGES[reason], extensions: { code: 'UNAUTHENTICATED' } }] }),
  };
}

// The id of the key that let each event through, for the request log; the key itself is never kept.
const keyIds = new WeakMap<APIGatewayProxyEventV2, string>();
export const keyIdOf = (event: APIGatewayProxyEventV2): string | undefined => keyIds.get(event);

/** Lambda middleware: answers 401 before Apollo sees a request without a valid key. */
export function requireApiKey(verify: KeyVerifier) {
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> => {
    const verdict = await verify(event.headers?.[API_KEY_HEADER]);
    if (verdict.ok) {
      keyIds.set(event, verdict.keyId);
      return;
    }
    logger.warn('request refused', { requestId: event.requestContext.requestId, reason: verdict.reason, sourceIp: event.requestContext.http.sourceIp });
    return unauthorized(verdict.reason);
  };
}
