// The AWS SDK warns that its 2027 releases need Node 22; this runtime is pinned to a working SDK, so the warning is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { localDataDir } from './paths.js';
import { startLocalServer } from './server.js';

// `npm start`: the local default runtime. Ctrl-C closes the HTTP server, dynalite and its files cleanly.

const port = Number(process.env.PORT ?? 4000);
const server = await startLocalServer({ port, dataDir: localDataDir(), apiKey: process.env.TIDE_API_KEY || undefined });
const url = server.url.replace('127.0.0.1', 'localhost');
console.log(server.loaded.loaded ? `Loaded the bundled dataset: ${server.loaded.series} series, ${server.loaded.added} values.` : 'Bundled dataset already loaded.');
console.log(`Tide GraphQL API: ${url}/graphql   (GraphQL IDE and links: ${url}/   Excel add-in files: ${url}/addin/)`);
console.log(`Development API key (send it as the x-api-key header; TIDE_API_KEY sets your own): ${server.apiKey}`);
console.log(`Try:
  curl -s ${url}/graphql -H 'content-type: application/json' -H "x-api-key: ${server.apiKey}" \\
    -d '{"query":"{ series(id: \\"RUT\\") { name observations(from: \\"2024-07-01\\", to: \\"2024-07-31\\") { dates values } } }"}'`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Tide...');
    server.close().then(() => process.exit(0), (err) => {
      console.error(err);
      process.exit(1);
    });
  });
}
