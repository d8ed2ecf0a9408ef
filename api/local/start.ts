// The AWS SDK warns that its 2027 releases need Node 22; this runtime is pinned to a working SDK, so the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { builtManifest } from '../addin-hosting/serve-addin.js';
import { freshnessLines } from '../dataset/freshness.js';
import { bundledIds, readCatalog } from '../dataset/refresh.js';
import { ensureDevCertificate, nssTrustCommand, type DevCertificate } from './dev-certs.js';
import { localHttpsPort, localPaths } from './paths.js';
import { startLocalServer } from './server.js';

// `npm start`: the local default runtime. The API and the add-in on http://localhost:4000 (curl) and
// on https://localhost:3000 with the Office developer certificate (Excel). Ctrl-C closes the servers,
// dynalite and its files cleanly.

const port = Number(process.env.PORT ?? 4000);
const httpsPort = localHttpsPort();
const paths = localPaths();

const cert = await ensureDevCertificate({ dir: paths.certDir }).catch((e: Error) => {
  console.error(`Could not create the developer certificate (${e.message}); serving http only, which Excel will not load.`);
  return undefined;
});

const server = await startLocalServer({
  port,
  dataDir: paths.dataDir,
  apiKey: process.env.TIDE_API_KEY || undefined,
  https: cert && { port: httpsPort, key: cert.key, cert: cert.cert },
}).catch((e: NodeJS.ErrnoException & { port?: number }) => {
  if (e.code === 'EADDRINUSE') {
    console.error(`Port ${e.port ?? '?'} is in use (another server, or npm start already running?). Set PORT (http, now ${port}) or HTTPS_PORT (https, now ${httpsPort}).`);
    process.exit(1);
  }
  throw e;
});

const url = server.url.replace('127.0.0.1', 'localhost');
console.log(server.loaded.loaded ? `Loaded the bundled dataset: ${server.loaded.series} series, ${server.loaded.added} values.` : 'Bundled dataset already loaded.');
// how recent the data served is, so nobody mistakes a sample ending years ago for current data
const ids = bundledIds(await readCatalog(paths.bundledDataDir));
const metas = new Map(await Promise.all(ids.map(async (id) => [id, await server.store.getMeta(id)] as const)));
console.log(`Newest observation of each bundled series (bring them up to date: npm run ingest -- refresh):\n${freshnessLines(ids, metas, new Date().toISOString().slice(0, 10)).join('\n')}`);
console.log(`Tide GraphQL API: ${url}/graphql${server.httpsUrl ? ` and ${server.httpsUrl}/graphql` : ''}`);
console.log(`GraphQL IDE, docs and the add-in manifest, in a browser: ${url}/`);
if (server.httpsUrl) {
  // The manifest this server serves at /addin/manifest.xml, written out as the file to upload.
  const manifest = await builtManifest(paths.addinDist, new URL(server.httpsUrl).origin);
  console.log(`Excel add-in: ${server.httpsUrl}/addin/taskpane.html`);
  if (manifest) {
    await mkdir(dirname(paths.manifestFile), { recursive: true });
    await writeFile(paths.manifestFile, manifest);
    console.log(`Manifest to upload in Excel (docs/excel.md): ${paths.manifestFile}`);
  } else {
    console.error('The add-in is not built (npm run addin:build), so no manifest was written.');
  }
  console.log('  or sideload it: npm run addin:sideload -- desktop   (web: npm run addin:sideload -- web --document <workbook URL>)');
  printTrust(cert!);
}
console.log(`Development API key (paste it into the Tide task pane's Settings; TIDE_API_KEY sets your own): ${server.apiKey}`);
console.log(`Try:
  curl -s ${url}/graphql -H 'content-type: application/json' -H "x-api-key: ${server.apiKey}" \\
    -d '{"query":"{ series(id: \\"RUT\\") { name observations(from: \\"2024-07-01\\", to: \\"2024-07-31\\") { dates values } } }"}'`);

function printTrust(c: DevCertificate): void {
  if (c.trust.trusted) {
    if (c.trust.installedNow) console.log(`Installed the developer CA as trusted: ${c.caPath}`);
    return;
  }
  console.log(`The developer CA is not trusted on this machine yet (${c.trust.reason}), so Excel will refuse ${server.httpsUrl}. Trust it once:
  ${c.trust.command}
CA file: ${c.caPath}`);
  if (process.platform === 'linux') console.log(`Browsers on Linux (Excel on the web in Chrome, Firefox) keep their own store:\n  ${nssTrustCommand(c.caPath)}`);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Tide...');
    server.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
