// Several test files need dist/ide: build it once per source state, under a lock (mkdir is atomic),
// as ensureAddinBuilt does for the add-in.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildIde, IDE_DIST } from '../../api/front-door/ide/build.js';

const LOCK = join(IDE_DIST, '..', '.ide-build-lock');
const STAMP = join(IDE_DIST, '.source-hash');

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = (await readdir('api/front-door', { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  for (const f of files.map((x) => join(x.parentPath, x.name)).sort()) hash.update(f).update(await readFile(f));
  return hash.digest('hex');
}

export async function ensureIdeBuilt(): Promise<void> {
  const wanted = await sourceHash();
  await mkdir(join(IDE_DIST, '..'), { recursive: true });
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
    if ((await readFile(STAMP, 'utf8').catch(() => '')) !== wanted) {
      await buildIde();
      await writeFile(STAMP, wanted);
    }
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}
