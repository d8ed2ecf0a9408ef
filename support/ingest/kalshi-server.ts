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
  /** Drop every edit. */
  reset(): void;
  close(): Promise<void>;
}

/** Which recorded file answers a path; undefined = Kalshi's 404. */
function fileFor(path: string): string | undefined {
  const m = (re: RegExp) => re.exec(path);
  let r;
  if ((r = m(/^\/markets\/([^/]+)$/))) return `markets/${r[1]}.json`;
  if ((r = m(/^\/historical\/markets\/([^/]+)$/))) return `historical/markets/${r[1]}.json`;
  if ((r = m(/^\/historical\/markets\/([^/]+)\/candlesticks$/))) return `historical/candlesticks/${r[1]}.json`;
  if ((r = m(/^\/series\/([^/]+)\/markets\/([^/]+)\/candlesticks$/))) return `series/${r[1]}/markets/${r[2]}/candlesticks.json`;
  return undefined;
}

/** A real HTTP server on 127.0.0.1 answering like Kalshi's public market-data API from the recordings. */
export async function startKalshiServer(): Promise<KalshiServer> {
  const requests: string[] = [];
  const edits = new Map<string, (body: any) => any>();
  const server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${u.pathname}${u.search}`);
    const file = fileFor(decodeURIComponent(u.pathname));
    let body: unknown;
    try {
      body = file === undefined ? undefined : JSON.parse(await readFile(RECORDED + file, 'utf8'));
    } catch {
      body = undefined;
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: 'not found' } }));
      return;
    }
    for (const [prefix, edit] of edits) if (u.pathname.startsWith(prefix)) body = edit(structuredClone(body));
    res.writeHead(200, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    edit: (prefix, edit) => void edits.set(prefix, edit),
    reset: () => edits.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
