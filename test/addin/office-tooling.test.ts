// Microsoft's add-in tooling as the npm scripts run it: addin:validate checks a manifest offline
// (exit 0 when valid, 1 with the problems otherwise), and addin:sideload / addin:stop hand
// office-addin-debugging the manifest npm start wrote, with the arguments Office's dev loop expects.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { manifestXml } from '../../addin/scripts/manifest-xml.js';
import { debuggingArgs } from '../../addin/scripts/office-dev.js';

const tmp = mkdtempSync(join(tmpdir(), 'tide-tooling-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function npmRun(script: string, ...args: string[]) {
  const run = spawnSync('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { encoding: 'utf8', env: { ...process.env, HTTPS_PORT: '3443' } });
  return { code: run.status, out: run.stdout + run.stderr };
}

describe('npm run addin:validate', () => {
  it('passes the manifest npm start writes, checked offline against the schema', () => {
    const { code, out } = npmRun('addin:validate');
    expect(out).toContain('Manifest valid: the local manifest for https://localhost:3443/addin (Tide, id 6f1f7a52-3c0e-4b8e-9d8e-2f4b1a7c5d10');
    expect(code).toBe(0);
  }, 60_000);

  it('fails a broken manifest, saying why', () => {
    const file = join(tmp, 'broken.xml');
    writeFileSync(file, manifestXml('https://tide.example.com/addin').replace(/<Id>[^<]+<\/Id>/, '<Id>not-a-guid</Id>'));
    const { code, out } = npmRun('addin:validate', file);
    expect(out).toContain(`Manifest NOT valid: ${file}`);
    expect(out).toMatch(/cannot be converted to a unified manifest/);
    expect(code).toBe(1);
  }, 60_000);
});

describe('addin:sideload and addin:stop', () => {
  const manifest = '/home/someone/tide/.data/manifest.xml';

  it('sideload desktop starts office-addin-debugging without a debugger or a dev server (npm start is the server)', () => {
    expect(debuggingArgs('sideload', ['desktop'], manifest, 'win32')).toEqual(['start', manifest, 'desktop', '--no-debug', '--no-live-reload']);
    expect(debuggingArgs('sideload', ['desktop'], manifest, 'darwin')).toEqual(['start', manifest, 'desktop', '--no-debug', '--no-live-reload']);
  });

  it('sideload web passes the workbook URL on, and asks for one when it is missing', () => {
    const doc = 'https://contoso-my.sharepoint.com/:x:/r/personal/a/_layouts/15/Doc.aspx?sourcedoc=%7B1%7D';
    expect(debuggingArgs('sideload', ['web', '--document', doc], manifest, 'linux')).toEqual(['start', manifest, 'web', '--no-debug', '--no-live-reload', '--document', doc]);
    expect(debuggingArgs('sideload', ['web'], manifest, 'linux')).toEqual({ error: expect.stringMatching(/needs the workbook to open/) });
  });

  it('desktop on Linux points to Excel on the web; stop unregisters the manifest; anything else prints the usage', () => {
    expect(debuggingArgs('sideload', ['desktop'], manifest, 'linux')).toEqual({ error: expect.stringMatching(/Windows and Mac only\. On linux, use Excel on the web/) });
    expect(debuggingArgs('stop', [], manifest)).toEqual(['stop', manifest]);
    expect(debuggingArgs('sideload', ['ipad'], manifest)).toEqual({ error: expect.stringMatching(/^Usage:/) });
  });
});
