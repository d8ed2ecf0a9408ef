// npm run addin:manifest -- --url https://host/addin [--out file]: writes the XML manifest for
// add-in files served at that URL (default out: addin/dist/manifest.xml).
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { manifestXml } from './manifest-xml.js';

const addin = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function writeManifest(url: string, out = join(addin, 'dist', 'manifest.xml')): Promise<string> {
  const xml = manifestXml(url);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, xml);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { values } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string' } } });
    if (!values.url) throw new Error('--url is required: where addin/dist is served, e.g. --url https://tide.example.com/addin');
    const out = await writeManifest(values.url, values.out && resolve(values.out));
    console.log(`manifest for ${values.url} written to ${out}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
