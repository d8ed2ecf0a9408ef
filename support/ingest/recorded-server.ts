import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

// The recorded answers are test fixtures (their README says which are real); the bench replays them too.
const RECORDED = fileURLToPath(new URL('../../test/ingest/recorded/', import.meta.url));

/** The Alpha Vantage key the server treats as premium; any other key is a free one. */
export const PREMIUM_KEY = 'premium-key';
/** Alpha Vantage's answer to outputsize=full from a free key, word for word (see recorded/README.md). */
export const AV_PREMIUM_REFUSAL =
  'Thank you for using Alpha Vantage! The outputsize=full parameter value is a premium feature for the TIME_SERIES_DAILY endpoint. You may subscribe to any of the premium plans at https://www.alphavantage.co/premium/ to instantly unlock all premium features';

/** What the server does to the next request whose path starts with a prefix, instead of answering normally. */
export type Fault = { status: number; retryAfter?: string } | { hang: true } | { body: string; contentType?: string } | { pass: true };

/**
 * A real HTTP server on 127.0.0.1 answering like FRED (/fred), the CFTC Socrata API (/cftc),
 * Stooq (/stooq), Alpha Vantage (/alphavantage), Barchart OnDemand (/barchart) and 538's poll downloads (/538) from the recorded responses, with paging as
 * each provider documents it, and faults queued per path.
 */
export interface RecordedServer {
  url: string;
  requests: string[];
  fault(pathPrefix: string, ...faults: Fault[]): void;
  /** change a parsed JSON response before it is sent (for missing fields, non-numeric values) */
  edit(pathPrefix: string, edit: (body: any) => any): void;
  close(): Promise<void>;
}

export async function startRecordedServer(opts: { alias?: (seriesId: string) => string } = {}): Promise<RecordedServer> {
  const faults = new Map<string, Fault[]>();
  const edits = new Map<string, (body: any) => any>();
  const requests: string[] = [];
  const hanging: ServerResponse[] = [];
  const alias = opts.alias ?? ((s: string) => s);

  async function route(u: URL): Promise<{ status: number; type: string; body: string } | undefined> {
    const q = u.searchParams;
    const json = (body: unknown) => ({ status: 200, type: 'application/json', body: JSON.stringify(body) });
    const load = async (rel: string) => JSON.parse(await readFile(RECORDED + rel, 'utf8'));
    const edited = (body: any) => {
      for (const [prefix, edit] of edits) if (u.pathname.startsWith(prefix)) return edit(body);
      return body;
    };
    try {
      if (u.pathname === '/fred/series') return json(edited(await load(`fred/series/${alias(q.get('series_id')!)}.json`)));
      if (u.pathname === '/fred/series/observations') {
        const vintages = q.get('realtime_start') === '1776-07-04';
        const doc = await load(`fred/observations/${alias(q.get('series_id')!)}${vintages ? '.vintages' : ''}.json`);
        const offset = Number(q.get('offset') ?? 0);
        const limit = Number(q.get('limit') ?? 100000);
        return json(edited({ ...doc, offset, limit, observations: doc.observations.slice(offset, offset + limit) }));
      }
      const cftc = u.pathname.match(/^\/cftc\/resource\/([a-z0-9-]+)\.json$/);
      if (cftc) {
        const code = q.get('$where')?.match(/cftc_contract_market_code='(\w+)'/)?.[1];
        const all = (await load(`cftc/${cftc[1]}.json`)).filter((r: any) => r.cftc_contract_market_code === code);
        const offset = Number(q.get('$offset') ?? 0);
        return json(edited(all.slice(offset, offset + Number(q.get('$limit') ?? 1000))));
      }
      if (u.pathname === '/stooq/') {
        try {
          return { status: 200, type: 'text/csv', body: await readFile(`${RECORDED}stooq/${q.get('s')}.csv`, 'utf8') };
        } catch {
          return { status: 200, type: 'text/plain', body: 'No data' };
        }
      }
      if (u.pathname === '/alphavantage/query') {
        // as the live service answers a free key: full history refused in a 200 body, compact served
        if (q.get('outputsize') === 'full' && q.get('apikey') !== PREMIUM_KEY) return json({ Information: AV_PREMIUM_REFUSAL });
        return json(edited(await load(`alphavantage/${q.get('symbol')}${q.get('outputsize') === 'full' ? '' : '.compact'}.json`)));
      }
      if (u.pathname === '/barchart/getHistory.json') {
        // Barchart OnDemand: a 200 status inside the body, rows from startDate on; a symbol with
        // no data answers status 204 and no results
        if (!q.get('apikey')) return json({ status: { code: 401, message: 'Invalid API key.' }, results: null });
        const start = (q.get('startDate') ?? '').replace(/^(\d{4})(\d{2})(\d{2}).*$/, '$1-$2-$3');
        try {
          const doc = await load(`zq/barchart/${q.get('symbol')}.json`);
          const results = doc.results.filter((r: { tradingDay: string }) => r.tradingDay >= start);
          return json(edited(results.length ? { ...doc, results } : { status: { code: 204, message: 'Success.' }, results: null }));
        } catch {
          return json({ status: { code: 204, message: 'Success.' }, results: null });
        }
      }
      const poll = u.pathname.match(/^\/538\/([\w.-]+\.csv)$/);
      if (poll) return { status: 200, type: 'text/csv', body: await readFile(`${RECORDED}538/${poll[1]}`, 'utf8') };
    } catch {
      if (u.pathname.startsWith('/fred')) return { status: 400, type: 'application/json', body: JSON.stringify({ error_code: 400, error_message: 'Bad Request.  The series does not exist.' }) };
    }
    return undefined;
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url!, 'http://127.0.0.1');
    requests.push(u.pathname + u.search);
    const prefix = [...faults.keys()].find((p) => u.pathname.startsWith(p) && faults.get(p)!.length);
    const fault = prefix ? faults.get(prefix)!.shift() : undefined;
    if (fault && 'hang' in fault) return void hanging.push(res);
    if (fault && 'status' in fault) {
      res.writeHead(fault.status, fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {});
      return void res.end(`status ${fault.status} injected`);
    }
    if (fault && 'body' in fault) {
      res.writeHead(200, { 'Content-Type': fault.contentType ?? 'application/json' });
      return void res.end(fault.body);
    }
    // { pass: true } falls through: the request is answered from the recordings
    const out = await route(u);
    if (!out) {
      res.writeHead(404);
      return void res.end('not recorded');
    }
    res.writeHead(out.status, { 'Content-Type': out.type });
    res.end(out.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fault: (p, ...f) => faults.set(p, [...(faults.get(p) ?? []), ...f]),
    edit: (p, e) => edits.set(p, e),
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
