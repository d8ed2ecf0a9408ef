// Test files run in parallel processes and several need the same built output: build it once per
// source state, under a lock (mkdir is atomic), instead of each file rebuilding under the others' feet.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface BuildOnce {
  /** Folders whose files decide whether the output is current. */
  sources: string[];
  /** The built output's folder; a stamp of the sources' hash is kept in it. */
  dist: string;
  build: () => Promise<void>;
}

async function sourceHash(dirs: string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
    for (const f of files.map((x) => join(x.parentPath, x.name)).sort()) hash.update(f).update(await readFile(f));
  }
  return hash.digest('hex');
}

export async function buildOnce({ sources, dist, build }: BuildOnce): Promise<void> {
  const wanted = await sourceHash(sources);
  const lock = `${dist}.build-lock`;
  const stamp = join(dist, '.source-hash');
  await mkdir(join(dist, '..'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${lock} held for 2 minutes; remove it if no build is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if ((await readFile(stamp, 'utf8').catch(() => '')) !== wanted) {
      await build();
      await writeFile(stamp, wanted);
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}
