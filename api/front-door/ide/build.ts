// npm run ide:build: bundles the front page's GraphQL IDE (GraphiQL and React, from node_modules) into
// dist/ide/, which the local runtime serves under /ide/ and a stage that enables the IDE packages.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
export const IDE_DIST = resolve(here, '..', '..', '..', 'dist', 'ide');

export async function buildIde(outdir = IDE_DIST): Promise<void> {
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  await build({
    entryPoints: { ide: join(here, 'main.ts') },
    outdir,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIde().then(
    () => console.log(`GraphQL IDE built into ${IDE_DIST}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
