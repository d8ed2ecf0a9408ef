// npm run addin:build: bundles the custom functions and the task pane, generates functions.json
// from the functions' JSDoc, and writes everything the add-in serves into addin/dist/.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { ICON_SIZES, iconPng } from './icons.js';
import { manifestTemplate } from './manifest-xml.js';

const addin = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(addin, 'dist');
const src = join(addin, 'src');

export async function buildAddin(): Promise<void> {
  await rm(DIST, { recursive: true, force: true });
  await mkdir(join(DIST, 'assets'), { recursive: true });

  const metadata = await generateCustomFunctionsMetadata(join(src, 'functions', 'custom-functions.ts'));
  if (metadata.errors.length) throw new Error(`functions.json not generated:\n${metadata.errors.join('\n')}`);
  await writeFile(join(DIST, 'functions.json'), completeMetadata(metadata.metadataJson));

  await build({
    entryPoints: { functions: join(src, 'functions', 'register.ts'), taskpane: join(src, 'taskpane', 'taskpane.ts') },
    outdir: DIST,
    bundle: true,
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: true,
    logLevel: 'warning',
  });

  for (const page of ['functions.html', 'taskpane.html', 'taskpane.css', 'workbook.css']) {
    await copyFile(join(src, page.startsWith('functions') ? 'functions' : 'taskpane', page), join(DIST, page));
  }
  await copyFile(join(addin, '..', 'node_modules', 'uplot', 'dist', 'uPlot.min.css'), join(DIST, 'uPlot.min.css'));
  for (const size of ICON_SIZES) await writeFile(join(DIST, 'assets', `icon-${size}.png`), iconPng(size));
  // No origin in the build: whoever serves the manifest (the addin Lambda, npm start) names itself,
  // so one build serves every stage. Hosting the files elsewhere: npm run addin:manifest -- --url.
  await writeFile(join(DIST, 'manifest.xml'), manifestTemplate());
}

/**
 * What functions.json needs beyond the JSDoc. Every TIDE function is told its cell (requiresAddress),
 * so Explain can show what a cell asked.
 * Set here rather than by a JSDoc tag on each function: the wrapper in functions/invocation.ts
 * takes the extra argument off, and the functions keep their plain signatures.
 */
export function completeMetadata(metadataJson: string): string {
  const metadata = JSON.parse(metadataJson) as { functions: { options?: Record<string, unknown> }[] };
  for (const f of metadata.functions) f.options = { ...f.options, requiresAddress: true };
  // Results may be data-type values: a number carrying its percent or bp format (functions/number-formats.ts).
  // Top-level, and not expressible as a JSDoc tag. Excel without data types shows the plain numbers the
  // functions return there (shared/cell-values.ts asks the host first).
  return JSON.stringify({ allowCustomDataForDataTypeAny: true, ...metadata }, null, 2);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildAddin().then(
    () => console.log(`add-in built into ${DIST}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
