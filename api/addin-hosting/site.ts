// Everything Tide serves that is not a GraphQL operation: the front page, the add-in's files, the IDE's
// bundle and the documentation. The local runtime and the deployed `addin` Lambda route the same way.
import { join } from 'node:path';
import { DOC_PAGES, FRONT_DOOR_CSP, frontDoorHtml, type StaleLine } from '../front-door/page.js';
import { ADDIN_PATH, errorResponse, serveAddin, type StaticResponse } from './serve-addin.js';
import { readStatic } from './static-files.js';

export interface SiteOptions {
  /** The folder holding addin/dist, dist/ide and docs: the repository locally, the package when deployed. */
  root: string;
  /** Serve the GraphQL IDE on the front page (always locally; a deployed stage only when enabled). */
  ide: boolean;
  /** The key to prefill in the IDE: the local runtime's development key, never a deployed one. */
  apiKey?: string;
  /** The stale series to list on the front page, where this server can read its store. */
  staleSeries?: () => Promise<StaleLine[]>;
}

const notFound = (message: string): StaticResponse => errorResponse(404, message, 'NOT_FOUND');

/** The front page, for GET / and for a browser opening /graphql. */
export async function frontDoor(opts: Omit<SiteOptions, 'root'>, origin: string): Promise<StaticResponse> {
  const { staleSeries, ...page } = opts;
  const stale = await staleSeries?.();
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': FRONT_DOOR_CSP, 'x-content-type-options': 'nosniff' },
    body: Buffer.from(frontDoorHtml({ ...page, origin, stale })),
  };
}

const DOC_FILES = new Set(DOC_PAGES.map((d) => d.file));

async function asset(dir: string, relative: string, type?: string): Promise<StaticResponse | null> {
  const file = await readStatic(dir, relative);
  if (!file) return null;
  return { status: 200, headers: { 'content-type': type ?? file.type, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }, body: file.body };
}

/** The response for a GET of `urlPath` on `origin`; the add-in's manifest names `addinOrigin` (default: `origin`). */
export async function serveSite(urlPath: string, origin: string, opts: SiteOptions, addinOrigin = origin): Promise<StaticResponse> {
  if (urlPath === '/' || urlPath === '/index.html') return frontDoor(opts, origin);
  if (urlPath.startsWith(ADDIN_PATH)) return serveAddin(join(opts.root, 'addin', 'dist'), urlPath, addinOrigin);
  if (urlPath.startsWith('/ide/') && opts.ide) {
    return (await asset(join(opts.root, 'dist', 'ide'), urlPath.slice('/ide/'.length))) ?? notFound(`Not found: ${urlPath} (npm run ide:build builds the IDE into dist/ide)`);
  }
  const doc = urlPath.startsWith('/docs/') ? urlPath.slice('/docs/'.length) : '';
  if (DOC_FILES.has(doc)) {
    // Markdown as plain text: every browser shows it, and it reads as written.
    return (await asset(join(opts.root, 'docs'), doc, 'text/plain; charset=utf-8')) ?? notFound(`Not found: ${urlPath}`);
  }
  return notFound(`Not found: ${urlPath}. Tide serves its API at /graphql, the Excel add-in under ${ADDIN_PATH} and a start page at /`);
}
