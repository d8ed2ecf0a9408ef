// npm run addin:validate [-- <manifest.xml file or URL>]: checks an add-in manifest offline with
// Microsoft's tools. The XML is read by office-addin-manifest, converted to the unified JSON manifest
// by office-addin-manifest-converter, and validated against the JSON schema office-addin-manifest
// bundles. (`office-addin-manifest validate` on the XML itself calls an online Microsoft service.)
// Without an argument: the manifest npm start writes for https://localhost:<HTTPS_PORT>.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convert } from 'office-addin-manifest-converter';
import { OfficeAddinManifest, validateManifest } from 'office-addin-manifest';
import { manifestXml } from './manifest-xml.js';

export interface ManifestCheck {
  valid: boolean;
  problems: string[];
  id?: string;
  displayName?: string;
}

/** Validates manifest XML text offline; `problems` lists every schema error found. */
export async function checkManifestXml(xml: string): Promise<ManifestCheck> {
  const dir = await mkdtemp(join(tmpdir(), 'tide-validate-'));
  const silence = quiet();
  try {
    const xmlPath = join(dir, 'manifest.xml');
    await writeFile(xmlPath, xml);
    let info;
    try {
      info = await OfficeAddinManifest.readManifestFile(xmlPath);
    } catch (e) {
      return { valid: false, problems: [`not a readable add-in manifest: ${(e as Error).message}`] };
    }
    try {
      await convert(xmlPath, join(dir, 'json'), false);
    } catch (e) {
      return { valid: false, problems: [`cannot be converted to a unified manifest: ${(e as Error).message}`] };
    }
    const result = await validateManifest(join(dir, 'json', 'manifest.json'));
    const problems = (result.report?.errors ?? []).map((e) => [e.title, e.content].filter(Boolean).join(': '));
    return { valid: result.isValid && problems.length === 0, problems, id: info.id, displayName: info.displayName };
  } finally {
    silence();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The converter logs its progress to the console; the result is what matters here. */
function quiet(): () => void {
  const log = console.log;
  console.log = () => undefined;
  return () => {
    console.log = log;
  };
}

async function source(arg: string | undefined): Promise<{ what: string; xml: string }> {
  if (!arg) {
    const base = `https://localhost:${process.env.HTTPS_PORT ?? 3000}/addin`;
    return { what: `the local manifest for ${base}`, xml: manifestXml(base) };
  }
  if (/^https?:\/\//.test(arg)) {
    const res = await fetch(arg);
    if (!res.ok) throw new Error(`${arg} answered HTTP ${res.status}`);
    return { what: arg, xml: await res.text() };
  }
  return { what: resolve(arg), xml: await readFile(arg, 'utf8') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const { what, xml } = await source(process.argv[2]);
    const check = await checkManifestXml(xml);
    if (check.valid) {
      console.log(`Manifest valid: ${what} (${check.displayName}, id ${check.id}; schema checked offline)`);
    } else {
      console.error(`Manifest NOT valid: ${what}\n${check.problems.map((p) => `  - ${p}`).join('\n')}`);
      process.exit(1);
    }
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
