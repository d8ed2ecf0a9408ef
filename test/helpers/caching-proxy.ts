// A shared HTTP cache in front of the local server, standing in for the CDN: a reverse proxy on
// loopback whose caching is undici's cache interceptor (RFC 9111, as a shared cache: it honours
// Cache-Control, `private`/`no-store`, and Vary), not rules of this repository. It records every
// request it receives and every request it had to send on to the origin (a cache miss).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Agent, cacheStores, interceptors, type Dispatcher } from 'undici';

export interface ProxiedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  status?: number;
  cacheControl?: string | null;
}

export interface CachingProxy {
  /** The proxy's origin, e.g. https://localhost:1234. */
  url: string;
  /** What clients asked the proxy, with the answer's status and Cache-Control. */
  received: ProxiedRequest[];
  /** What the proxy asked the origin: the misses. */
  forwarded: ProxiedRequest[];
  close(): Promise<void>;
}

/** Headers that belong to one connection (RFC 9110 §7.6.1), not passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);
/**
 * A viewer's own cache directives, which CloudFront does not let bypass its cache (it forwards neither
 * header by default). They matter here: a browser driven with request interception sends
 * `Cache-Control: no-cache` and `Pragma: no-cache` on every request, which Excel's webview does not.
 */
const VIEWER_CACHE_DIRECTIVES = new Set(['cache-control', 'pragma']);

export async function startCachingProxy(origin: string, opts: { https?: { key: Buffer | string; cert: Buffer | string } } = {}): Promise<CachingProxy> {
  const received: ProxiedRequest[] = [];
  const forwarded: ProxiedRequest[] = [];
  // Runs inside the cache (undici calls the last interceptor first): it sees only what the cache sends on.
  const countMisses: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
    forwarded.push({ method: options.method, url: String(options.path) });
    return dispatch(options, handler);
  };
  const agent = new Agent().compose(countMisses, interceptors.cache({ store: new cacheStores.MemoryCacheStore(), type: 'shared' }));
  const upstream = new URL(origin);

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const record: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/' };
    received.push(record);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k) && !VIEWER_CACHE_DIRECTIVES.has(k)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    try {
      const answer = await agent.request({
        origin: upstream.origin,
        path: record.url,
        method: record.method as Dispatcher.HttpMethod,
        headers,
        body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const body = Buffer.from(await answer.body.arrayBuffer());
      record.status = answer.statusCode;
      record.cacheControl = (answer.headers['cache-control'] as string | undefined) ?? null;
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !HOP_BY_HOP.has(k) && k !== 'content-length') out[k] = v;
      res.writeHead(answer.statusCode, { ...out, 'content-length': String(body.length) }).end(body);
    } catch (e) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`proxy: ${(e as Error).message}`);
    }
  };
  const server: Server = opts.https ? createHttpsServer({ key: opts.https.key, cert: opts.https.cert }, (q, s) => void handle(q, s)) : createHttpServer((q, s) => void handle(q, s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: opts.https ? `https://localhost:${port}` : `http://127.0.0.1:${port}`,
    received,
    forwarded,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await agent.close();
    },
  };
}
