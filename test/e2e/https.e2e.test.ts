// The add-in loaded the way Office loads it: over https from the local server, with the Office
// developer certificate (office-addin-dev-certs) trusted the way a browser trusts a CA, through the
// certificate database of the browser profile (NSS, ~/.pki/nssdb under the browser's HOME), not a flag
// that ignores certificate errors. A browser whose database lacks the CA refuses the same page.
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSideloadUrl } from 'office-addin-dev-settings';
import { OfficeAddinManifest } from 'office-addin-manifest';
import type { Browser } from 'playwright-core';
import { writeManifest } from '../../addin/scripts/manifest.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDevCertificate, type DevCertificate } from '../../api/local/dev-certs.js';
import { startLocalServer } from '../../api/local/server.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import { launchBrowser, openFunctionsPage } from '../../support/browser/browser.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import type { CellResult } from '../../support/browser/office-stand-in.js';
import ref from './reference/indicator_reference.json' with { type: 'json' };
import { browserHome } from '../helpers/trusting-browser.js';

let tmp: string;
let cert: DevCertificate;
let server: Awaited<ReturnType<typeof startLocalServer>>;
let trusting: Browser;
let untrusting: Browser;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'tide-https-'));
  await ensureAddinBuilt();
  // A temporary folder: the test never touches the user's ~/.office-addin-dev-certs or trust store.
  cert = await ensureDevCertificate({ dir: join(tmp, 'certs'), installCa: false });
  server = await startLocalServer({ https: { port: 0, key: cert.key, cert: cert.cert } });
  trusting = await launchBrowser({ env: { ...process.env, HOME: browserHome(tmp, 'trusting', cert.caPath) } });
  untrusting = await launchBrowser({ env: { ...process.env, HOME: browserHome(tmp, 'untrusting') } });
}, 120_000);
afterAll(async () => {
  await trusting?.close();
  await untrusting?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** GET over https trusting only the developer CA, as Office's web view would after the CA is installed. */
function httpsGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca: cert.ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the add-in over https://localhost with the developer certificate', () => {
  it('a certificate for localhost and 127.0.0.1, signed by the developer CA, reused on the next start', async () => {
    expect(cert.generated).toBe(true);
    expect(cert.trust.trusted).toBe(false); // nothing was installed: this test must not change the machine
    const again = await ensureDevCertificate({ dir: cert.dir, installCa: false });
    expect(again.generated).toBe(false);
    expect(again.cert.equals(cert.cert)).toBe(true);
    expect(server.httpsUrl).toMatch(/^https:\/\/localhost:\d+$/);
  });

  it('serves a manifest naming only the https origin, on both the https and the http listener', async () => {
    const secure = await httpsGet(`${server.httpsUrl}/addin/manifest.xml`);
    const plain = await (await fetch(`${server.url}/addin/manifest.xml`)).text();
    expect(secure.status).toBe(200);
    expect(plain).toBe(secure.body);
    const urls = [...secure.body.matchAll(/DefaultValue="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${server.httpsUrl}/addin/`), u).toBe(true);
    expect(secure.body).toContain(`<AppDomain>${server.httpsUrl}</AppDomain>`);
  });

  it('loads in a browser trusting the developer CA, and its functions return the source file values over https', async () => {
    const office = await openFunctionsPage(trusting, { url: server.httpsUrl!, apiKey: server.apiKey });
    try {
      const [series, corr] = await office.page.evaluate(
        (c) => (window as unknown as { __recalc(c: unknown): Promise<CellResult[]> }).__recalc(c),
        [
          ['SERIES', ['RUT', '2024-07-01', '2024-07-31']],
          ['CORR', ['RUT', 'DGS2', 63, '2024-07-31', '2024-07-31']], // the formula docs/excel.md starts with
        ],
      );
      const rut = closes('rut_daily_yahoo.csv');
      const july = rut.dates.flatMap((d, i) => (d >= '2024-07-01' && d <= '2024-07-31' ? [[excelSerial(d), rut.values[i]]] : []));
      expect(july).toHaveLength(22);
      expect(series.value).toEqual(july);
      expect(corr.value).toEqual([[excelSerial('2024-07-31'), expect.closeTo(ref.corr_rut_dgs2_63_ending_2024_07_31, 10)]]);
      // The functions called the API on the page's own https origin.
      expect(office.graphqlRequests.length).toBeGreaterThan(0);
      for (const r of office.graphqlRequests) expect(r.url.split('?')[0]).toBe(`${server.httpsUrl}/graphql`);
    } finally {
      await office.page.close();
    }
  });

  it('Excel on the web, sideloading through office-addin-dev-settings, finds the manifest at the root of the https origin', async () => {
    // What npm start writes and addin:sideload -- web hands to office-addin-debugging.
    const file = await writeManifest(`${server.httpsUrl}/addin`, join(tmp, 'manifest.xml'));
    const workbook = 'https://contoso-my.sharepoint.com/personal/a/_layouts/15/Doc.aspx?sourcedoc=%7B0A1B%7D&action=edit';
    const url = new URL(await generateSideloadUrl('manifest.xml', await OfficeAddinManifest.readManifestFile(file), workbook));
    const port = url.searchParams.get('wdaddindevserverport');
    expect(port).toBe(new URL(server.httpsUrl!).port);
    expect(url.searchParams.get('wdaddinmanifestguid')).toBe('6f1f7a52-3c0e-4b8e-9d8e-2f4b1a7c5d10');
    // Excel on the web then reads https://localhost:<port>/<wdaddinmanifestfile>.
    const fetched = await httpsGet(`https://localhost:${port}/${url.searchParams.get('wdaddinmanifestfile')}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toBe((await httpsGet(`${server.httpsUrl}/addin/manifest.xml`)).body);
  });

  it('is refused by a browser whose certificate database lacks the CA', async () => {
    const page = await untrusting.newPage();
    try {
      await expect(page.goto(`${server.httpsUrl}/addin/functions.html`)).rejects.toThrow(/ERR_CERT_AUTHORITY_INVALID/);
    } finally {
      await page.close();
    }
  });
});
