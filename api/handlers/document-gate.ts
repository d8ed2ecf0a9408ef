import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GraphQLError, parse } from 'graphql';
import { keyIdOf } from '../auth/require-api-key.js';
import type { ErrorCode } from '../errors/domain-error.js';
import { checkShape } from '../graphql/limits/cost-limits-plugin.js';
import { SizedLru } from '../graphql/sized-lru.js';
import { maxQueryAliases, maxQueryDepth, maxQueryFields, maxQueryTokens } from '../graphql/limits/settings.js';
import { logger } from '../observability/logger.js';
import { errorResult } from './error-response.js';
import { PersistedQueries } from './persisted-queries.js';

function bodyText(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * Whether Apollo's Lambda integration parses the body as JSON: its rule exactly (the content type
 * starts with application/json), so no body Apollo reads as JSON passes here unread.
 */
const isJson = (event: APIGatewayProxyEventV2): boolean => (event.headers?.['content-type'] ?? '').startsWith('application/json');

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);

/** A GET's `extensions` parameter, parsed; a value that is not a JSON object is left to Apollo, which refuses it. */
function getExtensions(event: APIGatewayProxyEventV2): Json | undefined {
  const raw = event.queryStringParameters?.extensions;
  if (raw === undefined) return undefined;
  try {
    return asObject(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

// Query texts this container has let through under the current limits. A workbook recalculates the
// same 200-cell batch again and again; parsing it here each time allocated about a megabyte and cost
// more than answering it from the read cache. Bounded by the texts' length, least recently used first.
const passed = new SizedLru<true>(500_000);
const persisted = new PersistedQueries();

/** A refusal, answered and logged like any request Apollo answers (one line, the code, no query text). */
function refuse(event: APIGatewayProxyEventV2, started: number, status: number, message: string, code: ErrorCode): APIGatewayProxyStructuredResultV2 {
  logger.info('graphql request', {
    requestId: event.requestContext?.requestId,
    keyId: keyIdOf(event),
    operationName: null,
    operationType: null,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
    status,
    errorCodes: [code],
    refusedBy: 'document gate',
  });
  return errorResult(status, message, code);
}

/**
 * Lambda middleware, before Apollo: a body that is not JSON gets a GraphQL-shaped 400 (Apollo's
 * own answer is bare text); automatic persisted queries are resolved per API key (persisted-queries.ts),
 * the request then carrying its query text on to Apollo; and a document too deep or too large once
 * its fragments are expanded is refused before Apollo's validation walks it. Syntax errors are left to
 * Apollo, which names where they are.
 */
export async function documentGate(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2 | void> {
  const started = performance.now();
  const text = bodyText(event);
  let body: Json | undefined;
  if (text !== undefined && text.length > 0 && isJson(event)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      return refuse(event, started, 400, `The request body is not valid JSON (${(err as Error).message}); send {"query": "...", "variables": {...}}`, 'BAD_REQUEST');
    }
    body = asObject(parsed);
  }
  const extensions = body ? asObject(body.extensions) : getExtensions(event);
  const sentQuery = body ? body.query : event.queryStringParameters?.query;
  let query = typeof sentQuery === 'string' ? sentQuery : undefined;

  const outcome = persisted.resolve(keyIdOf(event) ?? 'no key', asObject(extensions?.persistedQuery), query);
  if (outcome.kind === 'refused') {
    return refuse(event, started, outcome.status, outcome.message, outcome.code);
  }
  if (outcome.kind === 'query') {
    query = outcome.query;
    carryQuery(event, body, query);
  }

  if (query === undefined) return;
  const maxTokens = maxQueryTokens();
  const key = `${maxTokens}|${maxQueryDepth()}|${maxQueryAliases()}|${maxQueryFields()}|${query}`;
  if (passed.get(key)) return;
  let document;
  try {
    document = parse(query, { maxTokens, noLocation: true });
  } catch (err) {
    if (/Document contains more th\w+ \d+ tokens/.test((err as Error).message)) {
      return refuse(event, started, 400, `This query has more than ${maxTokens} tokens; split it into several requests`, 'QUERY_TOO_LARGE');
    }
    return; // Apollo answers syntax errors with its own 400, naming where the error is
  }
  try {
    checkShape(document);
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return refuse(event, started, 400, err.message, err.extensions.code as ErrorCode);
  }
  passed.set(key, true, key.length);
}

/**
 * The request as Apollo will read it: the query text in place, and the persisted-query extension
 * (resolved here, per key) taken out, so Apollo's own cache of persisted queries is never consulted.
 */
function carryQuery(event: APIGatewayProxyEventV2, body: Json | undefined, query: string): void {
  if (body) {
    const { persistedQuery: _resolved, ...rest } = asObject(body.extensions) ?? {};
    const next: Json = { ...body, query };
    if (Object.keys(rest).length) next.extensions = rest;
    else delete next.extensions;
    event.body = JSON.stringify(next);
    event.isBase64Encoded = false;
    return;
  }
  const params = new URLSearchParams(event.rawQueryString ?? '');
  params.set('query', query);
  const { persistedQuery: _resolved, ...rest } = getExtensions(event) ?? {};
  if (Object.keys(rest).length) params.set('extensions', JSON.stringify(rest));
  else params.delete('extensions');
  event.rawQueryString = params.toString();
  event.queryStringParameters = Object.fromEntries(params);
}
