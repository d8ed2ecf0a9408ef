import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GraphQLError, parse } from 'graphql';
import type { ErrorCode } from '../errors/domain-error.js';
import { checkShape } from '../graphql/limits/cost-limits-plugin.js';
import { SizedLru } from '../graphql/sized-lru.js';
import { maxQueryAliases, maxQueryDepth, maxQueryFields, maxQueryTokens } from '../graphql/limits/settings.js';
import { errorResult } from './error-response.js';

function bodyText(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

const isJson = (event: APIGatewayProxyEventV2): boolean => /^application\/(.+\+)?json\b/i.test(event.headers?.['content-type'] ?? '');

/** The query text a request carries: a JSON body's `query`, or GET's `?query=`. */
function queryText(event: APIGatewayProxyEventV2, body: unknown): string | undefined {
  const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? (body as { query?: unknown }).query : undefined;
  const text = fromBody ?? event.queryStringParameters?.query;
  return typeof text === 'string' ? text : undefined;
}

// Query texts this container has let through under the current limits. A workbook recalculates the
// same 200-cell batch again and again; parsing it here each time allocated about a megabyte and cost
// more than answering it from the read cache. Bounded by the texts' length, least recently used first.
const passed = new SizedLru<true>(500_000);

/**
 * Lambda middleware, before Apollo: a body that is not JSON gets a GraphQL-shaped 400 (Apollo's
 * own answer is bare text), and a document too deep or too large once its fragments are expanded
 * is refused before Apollo's validation walks it. Anything else, including syntax errors, is left
 * to Apollo, which answers those itself.
 */
export async function documentGate(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> {
  const text = bodyText(event);
  let body: unknown;
  if (text !== undefined && text.length > 0 && isJson(event)) {
    try {
      body = JSON.parse(text);
    } catch (err) {
      return errorResult(400, `The request body is not valid JSON (${(err as Error).message}); send {"query": "...", "variables": {...}}`, 'BAD_REQUEST');
    }
  }
  const query = queryText(event, body);
  if (query === undefined) return;
  const maxTokens = maxQueryTokens();
  const key = `${maxTokens}|${maxQueryDepth()}|${maxQueryAliases()}|${maxQueryFields()}|${query}`;
  if (passed.get(key)) return;
  let document;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch (err) {
    if (/Document contains more th\w+ \d+ tokens/.test((err as Error).message)) {
      return errorResult(400, `This query has more than ${maxTokens} tokens; split it into several requests`, 'QUERY_TOO_LARGE');
    }
    return; // Apollo answers syntax errors with its own 400, naming where the error is
  }
  try {
    checkShape(document);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return errorResult(400, err.message, err.extensions.code as ErrorCode);
  }
  passed.set(key, true, key.length);
}
