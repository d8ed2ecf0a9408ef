import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { GraphqlHandler } from '../handlers/create-handler.js';
import { lambdaContext, toLambdaEvent } from './lambda-event.js';
import { frontDoor, serveSite, type SiteOptions } from '../addin-hosting/site.js';
import { wantsPage } from '../front-door/page.js';

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

async function invoke(handler: GraphqlHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  if (body === null) {
    send(res, 413, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message: `Request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] }));
    return;
  }
  const event = toLambdaEvent({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body, sourceIp: req.socket.remoteAddress ?? '127.0.0.1' });
  const result = (await handler(event, lambdaContext(event.requestContext.requestId), () => undefined)) as APIGatewayProxyStructuredResultV2;
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
  send(res, result.statusCode ?? 200, headers, result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? ''));
}

// The development key goes only into pages asked for by this machine's own name, so a site that
// rebinds its DNS name to 127.0.0.1 cannot read it from the front page.
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export interface ServeOptions extends SiteOptions {
  /** The origin the add-in's manifest names; default: the origin the request came to. */
  addinOrigin?: string;
}

/** Serves the Lambda handler at /graphql and everything else the site serves (addin-hosting), as API Gateway and the static host would. */
export function createHttpServer(handler: GraphqlHandler, opts: ServeOptions): Server {
  return createServer(requestListener(handler, opts));
}

/** The request handling of the local server, for its http and its https listener alike. */
export function requestListener(handler: GraphqlHandler, opts: ServeOptions): RequestListener {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const scheme = (req.socket as TLSSocket).encrypted ? 'https' : 'http';
    const origin = `${scheme}://${req.headers.host ?? 'localhost'}`;
    const page = { ...opts, apiKey: LOOPBACK_HOST.test(req.headers.host ?? '') ? opts.apiKey : undefined };
    // /manifest.xml too: Excel on the web, sideloading from a dev server, asks for it at the root.
    const sitePath = path === '/manifest.xml' ? '/addin/manifest.xml' : path;
    const work = path === '/graphql' && !wantsPage(req.method ?? 'GET', req.headers as Record<string, string>, url.searchParams)
      ? invoke(handler, req, res)
      : path === '/graphql'
        ? Promise.resolve(frontDoor(page, origin)).then((file) => send(res, file.status, file.headers, file.body))
        : serveSite(sitePath, origin, page, opts.addinOrigin).then((file) => send(res, file.status, file.headers, file.body));
    work.catch((err: Error) => {
      if (!res.headersSent) send(res, 500, { 'content-type': 'application/json' }, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      else res.destroy(err);
    });
  };
}
