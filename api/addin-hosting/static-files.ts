// node:fs's promises, read when a file is served: node:fs/promises at the top would load it (2–6 ms)
// into every cold start of the graphql function, which serves these files rarely.
import { promises as fs } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

/** A file under `root` for a decoded URL path, or null; never a file outside `root`. */
export async function readStatic(root: string, urlPath: string): Promise<{ body: Buffer; type: string } | null> {
  const relative = normalize(urlPath).replace(/^([/\\])+/, '');
  if (relative.split(sep).includes('..')) return null;
  let path = join(root, relative);
  try {
    if ((await fs.stat(path)).isDirectory()) path = join(path, 'index.html');
    return { body: await fs.readFile(path), type: TYPES[extname(path)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
