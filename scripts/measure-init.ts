// npm run measure-init: packages the functions as `serverless package` does, then loads the graphql
// bundle in fresh Node processes (as a cold Lambda container does) and reports its zip size and the
// time to import it, with and without the source maps the deployed functions enable.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = 7;
const out = join('.esbuild', 'measure-init');
rmSync(out, { recursive: true, force: true });
const env = { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x', SLS_TELEMETRY_DISABLED: '1', TIDE_BUILD_DIR: '.esbuild/measure-build' };
execFileSync('npx', ['serverless', 'package', '--stage', 'dev', '--package', join(out, 'zips')], { env, stdio: 'inherit' });

for (const zip of readdirSync(join(out, 'zips')).filter((f) => f.endsWith('.zip'))) {
  console.log(`${zip}: ${(statSync(join(out, 'zips', zip)).size / 1024).toFixed(0)} KiB zipped`);
}
// Unzipped inside the repository so the AWS SDK (left to the Lambda runtime) resolves from node_modules.
const fn = join(out, 'graphql');
mkdirSync(fn, { recursive: true });
execFileSync('unzip', ['-q', join(out, 'zips', 'graphql.zip'), '-d', fn]);
console.log(`graphql.mjs: ${(statSync(join(fn, 'api/handlers/graphql.mjs')).size / 1024).toFixed(0)} KiB unzipped`);

const probe = `const t = performance.now(); await import('./${fn}/api/handlers/graphql.mjs'); console.log((performance.now() - t).toFixed(1));`;
for (const nodeOptions of ['--enable-source-maps', '']) {
  const times = Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { env: { ...process.env, NODE_OPTIONS: nodeOptions, TABLE_NAME: 'tide-dev', AWS_REGION: 'us-east-1' }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return Number(r.stdout.trim().split('\n').pop());
  }).sort((a, b) => a - b);
  console.log(`graphql init (import of the bundle, Node ${process.version}, NODE_OPTIONS="${nodeOptions}"): median ${times[RUNS >> 1]} ms (min ${times[0]}, max ${times[RUNS - 1]}, ${RUNS} runs)`);
}

// Of that, the AWS SDK, which Lambda's runtime provides and the bundle leaves out:
const sdkProbe = `const t = performance.now(); await import('@aws-sdk/client-dynamodb'); await import('@aws-sdk/lib-dynamodb'); console.log((performance.now() - t).toFixed(1));`;
const sdk = Array.from({ length: RUNS }, () => Number(spawnSync(process.execPath, ['--input-type=module', '-e', sdkProbe], { encoding: 'utf8' }).stdout.trim())).sort((a, b) => a - b);
console.log(`of which the AWS SDK import: median ${sdk[RUNS >> 1]} ms`);
