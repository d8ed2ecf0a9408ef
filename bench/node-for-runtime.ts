import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { arch, platform } from 'node:os';
import { join, resolve } from 'node:path';

export interface BenchNode {
  /** The node binary that runs the cold containers. */
  path: string;
  /** Its version and where it came from, for the figure's note. */
  description: string;
}

const versionOf = (node: string): string => spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();

/**
 * A node of the major version the function is deployed on (`runtime`, e.g. nodejs22.x): Node's own
 * modules, its module loader and V8 cost differently from one major version to the next, so a cold
 * start is timed on the one Lambda runs. In order: TIDE_BENCH_NODE (a path), this node when its major
 * matches, else the official build of that major from the npm registry (the node-<platform>-<arch>
 * package), kept under `cacheDir`. When none can be had, this node, and the note says so.
 */
export function nodeForRuntime(runtime: string, cacheDir: string): BenchNode {
  if (process.env.TIDE_BENCH_NODE) return { path: process.env.TIDE_BENCH_NODE, description: `${versionOf(process.env.TIDE_BENCH_NODE)} (TIDE_BENCH_NODE)` };
  const major = /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
  if (!major || process.versions.node.split('.')[0] === major) return { path: process.execPath, description: `${process.version} (this machine's)` };
  const dir = resolve(cacheDir, `node-${major}-${platform()}-${arch()}`);
  const binary = join(dir, 'package', 'bin', 'node');
  try {
    if (!existsSync(binary)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      execFileSync('npm', ['pack', `node-${platform()}-${arch()}@${major}`, '--pack-destination', dir, '--silent'], { stdio: 'ignore' });
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
      if (!tarball) throw new Error('npm pack gave no tarball');
      execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
      rmSync(join(dir, tarball));
    }
    return { path: binary, description: `${versionOf(binary)} (${runtime}'s major, node-${platform()}-${arch()} from the npm registry; Lambda runs ${runtime} on its own build)` };
  } catch (e) {
    return { path: process.execPath, description: `${process.version} (this machine's: no node ${major} could be had, ${(e as Error).message.split('\n')[0]})` };
  }
}
