// esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins). Each removes code a
// cold start would otherwise compile for nothing; `npm run bench` measures the cold init they buy.
const path = require('node:path');

const apolloEsm = path.join(__dirname, '..', 'node_modules', '@apollo', 'server', 'dist', 'esm', 'index.js');

/** The Lambda integration require()s @apollo/server (for HeaderMap) and would pull in a second, CommonJS copy of Apollo and graphql-tools; give it the ESM one the code already uses. */
const oneApollo = {
  name: 'one-apollo',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/server$/ }, (args) => (args.kind === 'require-call' ? { path: apolloEsm } : undefined));
  },
};

/**
 * Apollo's usage reporting and inline tracing (Apollo GraphOS) are disabled in api/graphql/server.ts;
 * their protobuf definitions are the largest part of the bundle. A stand-in that fails loudly if
 * anything ever uses it.
 */
const noUsageReporting = {
  name: 'no-usage-reporting',
  setup(build) {
    build.onResolve({ filter: /^(@apollo\/usage-reporting-protobuf|lodash\.sortby)$/ }, (args) => ({ path: args.path, namespace: 'not-bundled' }));
    build.onLoad({ filter: /.*/, namespace: 'not-bundled' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule') return false; throw new Error(${JSON.stringify(`${args.path} is not bundled: Apollo usage reporting and inline tracing are disabled`)}); } });`,
      loader: 'js',
    }));
  },
};

/**
 * api/graphql/schema.ts builds the executable schema from a pre-parsed document, so Apollo's
 * makeExecutableSchema (graphql-tools: schema merging, mapping, printing) is never called. A stand-in
 * that fails loudly if it ever is.
 */
const noSchemaTools = {
  name: 'no-schema-tools',
  setup(build) {
    build.onResolve({ filter: /^@graphql-tools\/schema$/ }, (args) => ({ path: args.path, namespace: 'no-schema-tools' }));
    build.onLoad({ filter: /.*/, namespace: 'no-schema-tools' }, () => ({
      contents: "export function makeExecutableSchema() { throw new Error('@graphql-tools/schema is not bundled: pass Apollo a built schema (api/graphql/schema.ts)'); }",
      loader: 'js',
    }));
  },
};

/**
 * Apollo hashes every query (document cache, persisted queries) through @apollo/utils.createhash, which
 * inside a bundle misses Node's crypto (it looks for module.require) and falls back to a JavaScript
 * SHA-256 (sha.js): slower per request and more code to compile. Give it Node's.
 */
const nodeCreateHash = {
  name: 'node-create-hash',
  setup(build) {
    build.onResolve({ filter: /^@apollo\/utils\.createhash$/ }, (args) => ({ path: args.path, namespace: 'node-create-hash' }));
    build.onLoad({ filter: /.*/, namespace: 'node-create-hash' }, () => ({ contents: "export { createHash } from 'node:crypto';", loader: 'js' }));
  },
};

/**
 * The graphql function is split: code reached only by a dynamic import() (AWS credential providers
 * other than the environment's, which is Lambda's; Apollo plugins Tide disables; event streams) goes to
 * chunks a cold start never reads or compiles. Its chunks get their own folder, which serverless.yml
 * leaves out of the other functions' packages.
 */
const splitGraphql = {
  name: 'split-graphql',
  setup(build) {
    const entries = build.initialOptions.entryPoints;
    const entry = Array.isArray(entries) && entries.length === 1 ? String(entries[0]) : '';
    if (!/(^|\/)api\/handlers\/graphql\.ts$/.test(entry)) return;
    build.initialOptions.splitting = true;
    build.initialOptions.chunkNames = 'graphql-chunks/[name]-[hash]';
  },
};

module.exports = [oneApollo, noUsageReporting, noSchemaTools, nodeCreateHash, splitGraphql];
