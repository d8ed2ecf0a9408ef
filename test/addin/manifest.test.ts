// The manifest, functions.json and the bundle must agree: ids, namespace, and every URL naming a
// file the build produced. Checked offline with Microsoft's tools: the XML is converted to the
// unified JSON manifest (office-addin-manifest-converter), which office-addin-manifest validates
// against the schema bundled with it (its XML validation would call an online service).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'office-addin-manifest-converter';
import { OfficeAddinManifest, validateManifest } from 'office-addin-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../addin/scripts/build.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { writeManifest } from '../../addin/scripts/manifest.js';
import { ADDIN_ID, NAMESPACE, manifestXml } from '../../addin/scripts/manifest-xml.js';
import * as customFunctions from '../../addin/src/functions/custom-functions.js';

const BASE = 'https://tide.example.com/addin';
const dir = mkdtempSync(join(tmpdir(), 'tide-manifest-'));
const xmlPath = join(dir, 'manifest.xml');
let xml: string;

beforeAll(async () => {
  await ensureAddinBuilt();
  await writeManifest(BASE, xmlPath);
  xml = readFileSync(xmlPath, 'utf8');
  await convert(xmlPath, join(dir, 'json'), false);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Attribute values of the elements with a given tag, keyed by their id. */
function resources(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(new RegExp(`<${tag} id="([^"]+)" DefaultValue="([^"]+)"/>`, 'g'))) out.set(m[1], m[2]);
  return out;
}

describe('add-in manifest', () => {
  it('converts to a unified manifest that validates against the bundled schema', async () => {
    const jsonPath = join(dir, 'json', 'manifest.json');
    const validation = await validateManifest(jsonPath);
    expect(validation.report?.errors ?? []).toEqual([]);
    expect(validation.isValid).toBe(true);
    const json = JSON.parse(readFileSync(jsonPath, 'utf8'));
    expect(json.id).toBe(ADDIN_ID);
    expect(json.validDomains).toEqual(['https://tide.example.com']);
    // The floor: a shared runtime, custom functions, ExcelApi 1.4 (the *OrNullObject reads); nothing above it.
    expect(json.extensions[0].requirements.capabilities).toEqual([
      { name: 'SharedRuntime', minVersion: '1.1' },
      { name: 'CustomFunctionsRuntime', minVersion: '1.1' },
      { name: 'ExcelApi', minVersion: '1.4' },
    ]);
    expect(json.extensions[0].runtimes[0]).toMatchObject({ lifetime: 'long', code: { page: `${BASE}/taskpane.html` } });
  });

  it('names the TIDE namespace and a shared runtime hosting functions and task pane in one page', async () => {
    const info = await OfficeAddinManifest.readManifestFile(xmlPath);
    expect(info.id).toBe(ADDIN_ID);
    expect(info.defaultSettings?.sourceLocation).toBe(`${BASE}/taskpane.html`);
    expect(resources('bt:String').get('Functions.Namespace')).toBe(NAMESPACE);
    expect(xml).toContain('<Runtime resid="Taskpane.Url" lifetime="long"/>');
    expect(xml).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    const urls = resources('bt:Url');
    expect(urls.get('Functions.Script.Url')).toBe(`${BASE}/functions.js`);
    expect(urls.get('Functions.Metadata.Url')).toBe(`${BASE}/functions.json`);
    // The shared page must load the functions bundle, after office.js.
    const page = readFileSync(join(DIST, 'taskpane.html'), 'utf8');
    expect(page.indexOf('office.js')).toBeLessThan(page.indexOf('src="functions.js"'));
  });

  it('points only at files the build produced', () => {
    const all = [...resources('bt:Url').values(), ...resources('bt:Image').values(), ...xml.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((v) => (typeof v === 'string' ? v : v[1]));
    expect(all.length).toBeGreaterThan(8);
    for (const url of all) {
      expect(url.startsWith(`${BASE}/`), url).toBe(true);
      expect(existsSync(join(DIST, url.slice(BASE.length + 1))), url).toBe(true);
    }
  });

  it('functions.json lists exactly the exported functions, under the ids the bundle registers', () => {
    const metadata = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { functions: { id: string; name: string }[] };
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toEqual(
      Object.keys(customFunctions)
        .map((n) => n.toUpperCase())
        .sort(),
    );
    expect(ids).toEqual(['BETA', 'CHANGE', 'CORR', 'CUTPROB', 'INFO', 'POSITIONING', 'RATEPATH', 'RELVOL', 'REVISIONS', 'SEARCH', 'SERIES', 'SURPRISE', 'VALUE', 'VOL']);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it('functions.json lets results be data-type values (formatted numbers); CHANGE, a scalar, returns any for that', () => {
    const metadata = JSON.parse(readFileSync(join(DIST, 'functions.json'), 'utf8')) as { allowCustomDataForDataTypeAny?: boolean; functions: { id: string; result: { type?: string } }[] };
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    // The generator leaves out `type` for any (Excel's default).
    const type = new Map(metadata.functions.map((f) => [f.id, f.result.type ?? 'any']));
    expect(type.get('VALUE')).toBe('number');
    for (const id of ['CHANGE', 'SERIES', 'VOL', 'CORR', 'BETA', 'RELVOL', 'POSITIONING', 'CUTPROB', 'RATEPATH']) expect(type.get(id), id).toBe('any');
  });

  it('refuses base URLs Office would not load', () => {
    expect(() => manifestXml('http://tide.example.com/addin')).toThrow(/https only \(http is accepted for localhost\)/);
    expect(() => manifestXml('tide.example.com')).toThrow(/--url: "tide.example.com" is not a URL/);
    expect(manifestXml('http://localhost:4000/addin/')).toContain('DefaultValue="http://localhost:4000/addin/functions.js"');
  });
});
