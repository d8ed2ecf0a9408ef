import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// The recorded Kalshi answers (test/ingest/recorded/kalshi, README says which are real), laid out by URL path.
const RECORDED = fileURLToPath(new URL('../../test/ingest/recorded/kalshi/', import.meta.url));

export interface KalshiServer {
  /** The base URL to give as KALSHI_API_URL (it stands for https://api.elections.kalshi.com/trade-api/v2). */
  url: string;
  /** Every path and query asked for, in order. */
  requests: string[];
  /** Change the parsed JSON of responses whose path starts with a prefix (malformed answers). */
  edit(pathPrefix: string, edit: (body: any) => any): void;
  /**
   * Serve listings (GET /events, GET /historical/markets) in pages of this many items with Kalshi's
   * cursor (here the offset of the next page), as the live API pages a long listing; 0 = one page.
   */
  pageSize: number;
  /** Drop every edit and the page size. */
  reset(): void;
  close(): Promise<void>;
}

/** Which recorded file answers a path (and query); undefined = Kalshi's 404. */
function fileFor(path: string, query: URLSearchParams): string | undefined {
  const m = (re: RegExp) => re.exec(path);
  let r;
  if (path === '/events') return query.has('series_ticker') ? `events/${query.get('series_ticker')}.json` : undefined;
  if (path === '/historical/markets') return query.has('event_ticker') ? `historical/events/${query.get('event_ticker')}.json` : undefined;
  if ((r = m(/^\/series\/([^/]+)$/))) return `series/${r[1]}.json`;
  if ((r = m(/^\/markets\/([^/]+)$/))) return `markets/${r[1]}.json`;
  if ((r = m(/^\/historical\/markets\/([^/]+)$/))) return `historical/markets/${r[1]}.json`;
  if ((r = m(/^\/historical\/markets\/([^/]+)\/candlesticks$/))) return `historical/candlesticks/${r[1]}.json`;
  if ((r = m(/^\/series\/([^/]+)\/markets\/([^/]+)\/candlesticks$/))) return `series/${r[1]}/markets/${r[2]}/candlesticks.json`;
  return undefined;
}

/** One page of a recorded listing (its `events` or `markets`), with the next page's offset as cursor. */
function page(body: any, size: number, from: number): any {
  const key = Array.isArray(body?.events) ? 'events' : Array.isArray(body?.markets) ? 'markets' : undefined;
  if (!key) return body;
  const next = from + size < body[key].length ? String(from + size) : '';
  return { ...body, [key]: body[key].slice(from, from + size), cursor: next };
}

/** A real HTTP server on 127.0.0.1 answering like Kalshi's public market-data API from the recordings. */
export async function startKalshiServer(): Promise<KalshiServer> {
  const requests: string[] = [];
  const edits = new Map<string, (body: any) => any>();
  const state = { pageSize: 0 };
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${u.pathname}${u.search}`);
    const file = fileFor(decodeURIComponent(u.pathname), u.searchParams);
    let body: unknown;
    try {
      body = file === undefined ? undefined : JSON.parse(await readFile(RECORDED + file, 'utf8'));
    } catch {
      body = undefined;
    }
    // a listing whose filter matches nothing is an empty page, not a 404 (Kalshi filters; it does not look up the series)
    if (body === undefined && u.pathname === '/events') body = { cursor: '', events: [] };
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: 'not found' } }));
      return;
    }
    if (state.pageSize > 0) body = page(body, state.pageSize, Number(u.searchParams.get('cursor') || 0));
    for (const [prefix, edit] of edits) if (u.pathname.startsWith(prefix)) body = edit(structuredClone(body));
    res.writeHead(200, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    edit: (prefix, edit) => void edits.set(prefix, edit),
    get pageSize() {
      return state.pageSize;
    },
    set pageSize(n: number) {
      state.pageSize = n;
    },
    reset: () => {
      edits.clear();
      state.pageSize = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
