import { ADDIN_PATH as ADDIN_BASE, withOrigin } from './addin-origin.js';
import type { ErrorCode } from '../errors/domain-error.js';
import { readStatic } from './static-files.js';

// The add-in's built files (addin/dist) are served under /addin/ by the same origin as the API, both
// locally and deployed. A manifest names the origin it is served from: the build writes
// ORIGIN_PLACEHOLDER and each server fills in its own origin, so one build works on every stage.

export const ADDIN_PATH = `${ADDIN_BASE}/`;
const MANIFESTS = /(^|\/)manifest[^/]*\.(xml|json)$/;

export interface StaticResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

// Errors have the API's shape, so every answer of this origin can be read the same way.
export const errorResponse = (status: number, message: string, code: ErrorCode): StaticResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: Buffer.from(JSON.stringify({ errors: [{ message, extensions: { code } }] })),
});

/** The path with its percent-encodings decoded, or null when one is malformed (e.g. `%` or `%E0%A4%A`). */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** The response for a path under /addin/, given the folder of built files and this server's origin. */
export async function serveAddin(distDir: string, urlPath: string, origin: string): Promise<StaticResponse> {
  if (!urlPath.startsWith(ADDIN_PATH)) return errorResponse(404, `Not found: ${urlPath}`, 'NOT_FOUND');
  const relative = decodedPath(urlPath.slice(ADDIN_PATH.length));
  if (relative === null || relative.includes('\0')) return errorResponse(400, `Malformed path: ${urlPath} (a percent sign must start a valid UTF-8 escape such as %20)`, 'BAD_REQUEST');
  const file = await readStatic(distDir, relative);
  if (!file) return errorResponse(404, `Not found: ${urlPath} (the add-in files are built into addin/dist by its build before deploying)`, 'NOT_FOUND');
  const isManifest = MANIFESTS.test(relative);
  return {
    status: 200,
    headers: {
      'content-type': file.type,
      // Manifests and pages change with each deployment; scripts and images may be cached briefly.
      'cache-control': isManifest || file.type.startsWith('text/html') ? 'no-cache' : 'public, max-age=300',
      'x-content-type-options': 'nosniff',
    },
    body: isManifest ? Buffer.from(withOrigin(file.body.toString('utf8'), origin)) : file.body,
  };
}

/** The built manifest as the server at `origin` serves it (the file a user uploads), or undefined when the add-in is not built. */
export async function builtManifest(distDir: string, origin: string): Promise<string | undefined> {
  const served = await serveAddin(distDir, `${ADDIN_PATH}manifest.xml`, origin);
  return served.status === 200 ? served.body.toString('utf8') : undefined;
}
