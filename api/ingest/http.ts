import { IngestError, type Origin } from './errors.js';

export interface HttpOptions {
  timeoutMs?: number;
  /** attempts after the first one, for 429, 5xx, network errors and timeouts */
  retries?: number;
  baseDelayMs?: number;
  /** upper bound for any single wait, including a server's Retry-After */
  maxDelayMs?: number;
  headers?: Record<string, string>;
}

const DEFAULTS = { timeoutMs: 30_000, retries: 4, baseDelayMs: 500, maxDelayMs: 60_000 };

/** Hides credentials that sources expect in the query string, so URLs can appear in errors and logs. */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:api_key|apikey|\$\$app_token)=)[^&]*/gi, '$1***');
}

/** Seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * GET a body as text. Rate limits (429) wait for Retry-After, server errors and timeouts back off
 * exponentially; client errors (4xx other than 429) fail at once since repeating cannot fix them.
 */
export async function fetchText(url: string, origin: Origin, options: HttpOptions = {}): Promise<string> {
  const o = { ...DEFAULTS, ...options };
  let lastProblem = '';
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    let wait = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt);
    try {
      const res = await fetch(url, { headers: o.headers, signal: AbortSignal.timeout(o.timeoutMs) });
      const body = await res.text();
      if (res.ok) return body;
      lastProblem = `HTTP ${res.status} ${res.statusText} from ${redactUrl(url)}: ${body.slice(0, 200)}`;
      if (res.status === 429) wait = Math.min(o.maxDelayMs, retryAfterMs(res.headers.get('retry-after')) ?? wait);
      else if (res.status < 500) break;
    } catch (e) {
      const err = e as Error;
      lastProblem = err.name === 'TimeoutError' ? `no response within ${o.timeoutMs} ms from ${redactUrl(url)}` : `request to ${redactUrl(url)} failed: ${err.message}`;
    }
    if (attempt < o.retries) await sleep(wait);
  }
  throw new IngestError(origin.source, origin.series, undefined, `${lastProblem} (gave up after ${o.retries + 1} attempts)`, 'UNREACHABLE');
}

/** GET and parse JSON; a body that is not JSON is reported with its first characters. */
export async function fetchJson(url: string, origin: Origin, options: HttpOptions = {}): Promise<unknown> {
  const text = await fetchText(url, origin, options);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new IngestError(origin.source, origin.series, undefined, `malformed JSON from ${redactUrl(url)} (${(e as Error).message}); body starts ${JSON.stringify(text.slice(0, 80))}`);
  }
}

/** Reads HTTP tuning from the environment so deployed runs and tests can adjust it without code. */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HttpOptions {
  const num = (name: string) => (env[name] === undefined || env[name] === '' ? undefined : Number(env[name]));
  const opts: HttpOptions = {};
  const timeoutMs = num('INGEST_HTTP_TIMEOUT_MS');
  const retries = num('INGEST_HTTP_RETRIES');
  const baseDelayMs = num('INGEST_HTTP_BACKOFF_MS');
  if (timeoutMs !== undefined) opts.timeoutMs = timeoutMs;
  if (retries !== undefined) opts.retries = retries;
  if (baseDelayMs !== undefined) opts.baseDelayMs = baseDelayMs;
  return opts;
}
