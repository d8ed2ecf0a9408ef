import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorCode } from '../errors/domain-error.js';

/** A GraphQL-shaped error answer (`{ errors: [{ message, extensions: { code } }] }`) outside Apollo; never kept by a cache. */
export const errorResult = (statusCode: number, message: string, code: ErrorCode, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
});
