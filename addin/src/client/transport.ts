// The only place the add-in speaks HTTP. Every request ends: with an answer, or with an error
// after `timeoutMs`, so no cell can stay #BUSY! forever.
import { TideError } from '../shared/errors.js';
import type { BatchQuery } from './query.js';
import type { GraphQLResponse } from './response.js';

export interface Endpoint {
  url: string;
  apiKey?: string;
  timeoutMs: number;
}

export type Transport = (endpoint: Endpoint, body: BatchQuery) => Promise<GraphQLResponse>;

const FIX_IN_PANE = 'Check the API URL and key in the Tide task pane.';

export const postGraphQL: Transport = async ({ url, apiKey, timeoutMs }, body) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (apiKey) headers['x-api-key'] = apiKey;
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: controller.signal });
    } catch (e) {
      throw networkError(url, timeoutMs, controller.signal.aborted, e);
    }
    if (res.status === 401 || res.status === 403) {
      throw new TideError(
        'unauthorised',
        `Tide server at ${url} refused the request (HTTP ${res.status}): ${apiKey ? 'the API key is not valid' : 'an API key is required'}. Set the key in the Tide task pane.`,
      );
    }
    let text: string;
    try {
      text = await res.text();
    } catch (e) {
      throw networkError(url, timeoutMs, controller.signal.aborted, e);
    }
    return parseBody(url, res.status, text);
  } finally {
    clearTimeout(timer);
  }
};

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
