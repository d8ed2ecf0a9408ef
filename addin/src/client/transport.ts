// The only place the add-in speaks HTTP. Every request ends: with an answer, or with an error
// after `timeoutMs`, so no cell can stay #BUSY! forever.
//
// A request whose answer can never change goes as GET with an automatic persisted query (the query's
// SHA-256 and the variables in the URL, the query itself left out), so a CDN in front of the API can
// keep the answer and serve it again; on PERSISTED_QUERY_NOT_FOUND it is sent once more as POST with
// the query, which teaches the server the hash (Apollo's APQ protocol). Everything else, and any GET
// whose URL would be too long, goes as POST.
import { TideError } from '../shared/errors.js';
import { canonicalJson } from './canonical-json.js';
import type { BatchQuery } from './query.js';
import type { GraphQLResponse } from './response.js';
import { retryAfterMs } from './retry-after.js';

export interface Endpoint {
  url: string;
  apiKey?: string;
  timeoutMs: number;
}

export interface SendOptions {
  /** The answer cannot change (cacheable.ts): send it as a cacheable GET when the URL fits. */
  cacheable?: boolean;
  /** The longest GET URL, in bytes; longer goes as POST. */
  maxUrlBytes?: number;
}

export type Transport = (endpoint: Endpoint, body: BatchQuery, options?: SendOptions) => Promise<GraphQLResponse>;

/**
 * CloudFront refuses a request whose URL (path and query string) is longer than 8,192 bytes (HTTP
 * 414); API Gateway's limit is larger. The whole URL is counted, which leaves a margin.
 */
export const MAX_GET_URL_BYTES = 8192;

const FIX_IN_PANE = 'Check the API URL and key in the Tide task pane.';
const PQ_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';
const PQ_NOT_SUPPORTED = 'PERSISTED_QUERY_NOT_SUPPORTED';

export const sendGraphQL: Transport = async (endpoint, body, options = {}) => {
  if (options.cacheable && persistedQueryUrlBytes(endpoint.url, body.variables) <= (options.maxUrlBytes ?? MAX_GET_URL_BYTES)) {
    const extensions = { persistedQuery: { version: 1, sha256Hash: await sha256Hex(body.query) } };
    const got = await exchange(endpoint, 'GET', persistedQueryUrl(endpoint.url, extensions, body.variables));
    // A server (or a proxy) that refuses the GET itself: an older Tide, a URL limit lower than
    // CloudFront's. The request is still answered, as POST.
    if (!GET_REFUSED_STATUS.has(got.status)) {
      const answer = interpret(endpoint.url, got);
      const code = onlyErrorCode(answer);
      if (code === PQ_NOT_FOUND) return interpret(endpoint.url, await exchange(endpoint, 'POST', endpoint.url, { ...body, extensions }));
      if (typeof code !== 'string' || !GET_REFUSED_CODES.has(code)) return answer;
    }
  }
  return interpret(endpoint.url, await exchange(endpoint, 'POST', endpoint.url, body));
};

/** Answers that refuse a GET as such (not its query): Not Found, Method Not Allowed, URI Too Long, Request Header Fields Too Large. */
const GET_REFUSED_STATUS = new Set([404, 405, 414, 431]);
/** BAD_REQUEST: a server whose CSRF prevention refuses GET; the other: one without persisted queries. */
const GET_REFUSED_CODES = new Set(['BAD_REQUEST', PQ_NOT_SUPPORTED]);

/**
 * The GET URL of a persisted query: always the same for the same request (parameters in one order,
 * JSON with keys sorted), so a cache keyed by URL finds it again.
 */
export function persistedQueryUrl(base: string, extensions: unknown, variables: Record<string, unknown>): string {
  const url = new URL(base);
  url.searchParams.set('extensions', canonicalJson(extensions));
  url.searchParams.set('variables', canonicalJson(variables));
  return url.toString();
}

/** The length in bytes of the GET URL that would carry these variables (a SHA-256 hash is always 64 hex digits). */
export function persistedQueryUrlBytes(base: string, variables: Record<string, unknown>): number {
  const url = persistedQueryUrl(base, { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } }, variables);
  return new TextEncoder().encode(url).length;
}

/** Hex SHA-256 of a query, as APQ names it. Web Crypto: in every Office webview served over https, and in Node. */
const hashes = new Map<string, Promise<string>>();
export function sha256Hex(text: string): Promise<string> {
  let hash = hashes.get(text);
  if (!hash) {
    hash = crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)).then((buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join(''));
    if (hashes.size > 500) hashes.clear(); // a recalculation has a handful of distinct batch texts
    hashes.set(text, hash);
  }
  return hash;
}

function onlyErrorCode(answer: GraphQLResponse): unknown {
  return answer.data == null && answer.errors?.length === 1 ? answer.errors[0].extensions?.code : undefined;
}

interface Exchanged {
  status: number;
  headers: Headers;
  text: string;
}

/** One HTTP exchange, within the timeout; a network failure, a timeout and a refused key are thrown. */
async function exchange(endpoint: Endpoint, method: 'GET' | 'POST', url: string, body?: object): Promise<Exchanged> {
  const { apiKey, timeoutMs } = endpoint;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // x-api-key on GET too: the server requires it, and a header no simple request carries is what
    // keeps its CSRF prevention in force.
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method === 'POST') headers['content-type'] = 'application/json';
    if (apiKey) headers['x-api-key'] = apiKey;
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined, signal: controller.signal });
    } catch (e) {
      throw networkError(endpoint.url, timeoutMs, controller.signal.aborted, e);
    }
    if (res.status === 401 || res.status === 403) {
      throw new TideError(
        'unauthorised',
        `Tide server at ${endpoint.url} refused the request (HTTP ${res.status}): ${apiKey ? 'the API key is not valid' : 'an API key is required'}. Set the key in the Tide task pane.`,
      );
    }
    try {
      return { status: res.status, headers: res.headers, text: await res.text() };
    } catch (e) {
      throw networkError(endpoint.url, timeoutMs, controller.signal.aborted, e);
    }
  } finally {
    clearTimeout(timer);
  }
}

function interpret(url: string, { status, headers, text }: Exchanged): GraphQLResponse {
  if (status === 429 || status === 503) return busyAnswer(url, status, headers, text);
  // A partial answer (200) whose other fields met a busy store carries Retry-After too: those fields wait that long.
  return withRetryAfter(parseBody(url, status, text), headers);
}

function withRetryAfter(answer: GraphQLResponse, headers: Headers): GraphQLResponse {
  const wait = retryAfterMs(headers.get('retry-after'));
  return wait === undefined ? answer : { ...answer, retryAfterMs: wait };
}

/**
 * HTTP 429 (API Gateway's throttle) or 503 (a busy server): a request-wide `unavailable` error, which
 * the batching client retries, after the server's Retry-After when it gives one.
 */
function busyAnswer(url: string, status: number, headers: Headers, text: string): GraphQLResponse {
  let answer: GraphQLResponse | undefined;
  try {
    const json = JSON.parse(text) as GraphQLResponse;
    if (json && typeof json === 'object' && Array.isArray(json.errors) && json.errors.length > 0) answer = json;
  } catch {
    // not a GraphQL body (API Gateway answers {"message":"Too Many Requests"}): described below
  }
  answer ??= { errors: [{ message: `Tide server at ${url} is busy (HTTP ${status})`, extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
  return withRetryAfter(answer, headers);
}

function networkError(url: string, timeoutMs: number, aborted: boolean, e: unknown): TideError {
  if (aborted) {
    return new TideError('timeout', `Tide server at ${url} did not answer within ${timeoutMs / 1000} s. ${FIX_IN_PANE}`);
  }
  const reason = e instanceof Error ? e.message : String(e);
  return new TideError('unreachable', `Tide server unreachable at ${url} (${reason}). ${FIX_IN_PANE}`);
}

function parseBody(url: string, status: number, text: string): GraphQLResponse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    const kind = status >= 200 && status < 300 ? 'server' : 'unreachable';
    throw new TideError(kind, `Tide server at ${url} answered HTTP ${status} without a GraphQL response. ${FIX_IN_PANE}`);
  }
  if (!json || typeof json !== 'object' || !('data' in json || 'errors' in json)) {
    throw new TideError('server', `Tide server at ${url} answered HTTP ${status} with something that is not a GraphQL response. ${FIX_IN_PANE}`);
  }
  return json as GraphQLResponse;
}
