import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { GraphqlHandler } from '../handlers/create-handler.js';
import { lambdaContext, toLambdaEvent } from './lambda-event.js';
import { frontDoor, serveSite, type SiteOptions } from '../addin-hosting/site.js';
import type { ErrorCode } from '../errors/domain-error.js';
import { wantsPage } from '../front-door/page.js';
import { maxConcurrentRequests } from '../graphql/limits/settings.js';

const MAX_BODY_BYTES = 1_000_000;

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, headers);
  res.end(body);
}

const errorBody = (message: string, code: ErrorCode): string => JSON.stringify({ errors: [{ message, extensions: { code } }] });

const sendError = (res: ServerResponse, status: number, message: string, code: ErrorCode, headers: Record<string, string> = {}): void =>
  send(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, errorBody(message, code));

/**
 * Requests Node refuses before any handler sees them (a request line and headers over its 16 KB limit, a
 * malformed request) get Tide's JSON error, like every other refusal, instead of Node's bare status
 * line. A long query goes in a POST body, which has no such limit.
 */
export function answerClientErrors(server: Server): Server {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = tooLarge
      ? errorBody('The request line and headers are over 16 KB (a GET with a long query?): send the query as POST, whose body may be up to 1 MB', 'BAD_REQUEST')
      : errorBody(`Malformed HTTP request (${err.code ?? err.message})`, 'BAD_REQUEST');
    const reason = tooLarge ? 'Request Header Fields Too Large' : 'Bad Request';
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncache-control: no-store\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}

async function invoke(handler: GraphqlHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === null) {
    sendError(res, 413, `Request body over ${MAX_BODY_BYTES} bytes`, 'BAD_REQUEST');
    return;
  }
  const event = toLambdaEvent({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
  const result = (await handler(event, lambdaContext(event.requestContext.requestId))) as APIGatewayProxyStructuredResultV2;
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  send(res, result.statusCode ?? 200, headers, result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

// The development key goes only into pages asked for by this machine's own name, so a site that
// rebinds its DNS name to 127.0.0.1 cannot read it from the front page.
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

// How long a caller told to back off should wait; requests here take well under a second.
const RETRY_AFTER_S = '1';

// GraphQL requests in progress per handler, counted across its http and https listeners.
const inFlight = new WeakMap<GraphqlHandler, { count: number }>();

export interface ServeOptions extends SiteOptions {
  /** The origin the add-in's manifest names; default: the origin the request came to. */
  addinOrigin?: string;
}

/** Serves the Lambda handler at /graphql and everything else the site serves (addin-hosting), as API Gateway and the static host would. */
export function createHttpServer(handler: GraphqlHandler, opts: ServeOptions): Server {
  return answerClientErrors(createServer(requestListener(handler, opts)));
}

/**
 * The request handling of the local server, for its http and its https listener alike. Past
 * TIDE_MAX_CONCURRENT GraphQL requests in progress, a new one is answered at once with 503 and
 * Retry-After (as API Gateway answers 429 past its throttle), rather than queued behind the others:
 * queueing without bound only makes every caller wait longer, and holds memory for each.
 */
export function requestListener(handler: GraphqlHandler, opts: ServeOptions): RequestListener {
  if (!inFlight.has(handler)) inFlight.set(handler, { count: 0 });
  const running = inFlight.get(handler)!;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const origin = `${scheme}://${req.headers.host ?? 'localhost'}`;
    const page = { ...opts, apiKey: LOOPBACK_HOST.test(req.headers.host ?? '') ? opts.apiKey : undefined };
    // /manifest.xml too: Excel on the web, sideloading from a dev server, asks for it at the root.
    const sitePath = path === '/manifest.xml' ? '/addin/manifest.xml' : path;
    let work: Promise<void>;
    if (path === '/graphql' && !wantsPage(req.method ?? 'GET', req.headers as Record<string, string>, url.searchParams)) {
      const limit = maxConcurrentRequests();
      if (running.count >= limit) {
        req.resume(); // the body is not needed; drain it so the connection stays usable
        sendError(res, 503, `Tide is answering ${limit} requests already; retry in ${RETRY_AFTER_S} s`, 'SERVICE_OVERLOADED', { 'retry-after': RETRY_AFTER_S });
        return;
      }
      running.count++;
      work = invoke(handler, req, res).finally(() => running.count--);
    } else if (path === '/graphql') {
      // A browser opening the API's address gets the front page, as from the deployed handler.
      work = frontDoor(page, origin).then((file) => send(res, file.status, file.headers, file.body));
    } else {
      work = serveSite(sitePath, origin, page, opts.addinOrigin).then((file) => send(res, file.status, file.headers, file.body));
    }
    work.catch((err: Error) => {
      if (!res.headersSent) sendError(res, 500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else res.destroy(err);
    });
  };
}
