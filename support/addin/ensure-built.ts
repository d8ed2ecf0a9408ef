// Test files run in parallel processes and several need addin/dist: build it once per source
// state, under a lock (mkdir is atomic), instead of each file rebuilding under the others' feet.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildAddin, DIST } from '../../addin/scripts/build.js';

const LOCK = join(DIST, '..', '.build-lock');
const STAMP = join(DIST, '.source-hash');

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['addin/src', 'addin/scripts']) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    for (const f of files.map((x) => join(x.parentPath, x.name)).sort()) hash.update(f).update(await readFile(f));
  }
  return hash.digest('hex');
}

export async function ensureAddinBuilt(): Promise<void> {
  const wanted = await sourceHash();
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${LOCK} held for 2 minutes; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    const built = await readFile(STAMP, 'utf8').catch(() => '');
    if (built !== wanted) {
      await buildAddin();
      await writeFile(STAMP, wanted);
    }
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
