// esbuild plugins for the Lambda bundles (serverless.yml custom.esbuild.plugins). Each removes code a
// cold start would otherwise compile for nothing; `npm run bench` measures the cold init they buy.
const path = require('node:path');
const { builtinModules } = require('node:module');

// Real paths: esbuild reports importers by their real path, also when node_modules is a link.
const modules = require('node:fs').realpathSync(path.join(__dirname, '..', 'node_modules'));
const apolloEsm = path.join(modules, '@apollo', 'server', 'dist', 'esm', 'index.js');

const isGraphqlBuild = (build) => {
  const entries = build.initialOptions.entryPoints;
  return Array.isArray(entries) && entries.length === 1 && /(^|\/)api\/handlers\/graphql\.ts$/.test(String(entries[0]));
};

/**
 * Every plugin here stands in for, or redirects, a module the graphql bundle is known to load. If a
 * dependency moves or drops that module, the plugin would silently do nothing; instead the graphql build
 * fails naming the plugin, so the change is looked at. `onResolve` is the plugin's resolver, which
 * answers undefined for imports it leaves alone.
 */
const STALE = 'nothing in the graphql bundle imports';
function mustLoad(name, filter, onResolve, onLoadNamespace) {
  return {
    name,
    setup(build) {
      let loaded = false;
      build.onResolve({ filter }, (args) => {
        const result = onResolve(args);
        if (result) loaded = true;
        return result;
      });
      if (onLoadNamespace) build.onLoad({ filter: /.*/, namespace: name }, onLoadNamespace);
      if (!isGraphqlBuild(build)) return;
      build.onEnd((result) => {
        // A build that failed for another reason may not have reached the import at all.
        if (loaded || result.errors.some((e) => !e.text.includes(STALE))) return;
        return { errors: [{ text: `${name}: ${STALE} ${filter}; a dependency changed, check infra/esbuild-plugins.cjs (${name}) against it` }] };
      });
    },
  };
}

/** The Lambda integration require()s @apollo/server (for HeaderMap) and would pull in a second, CommonJS copy of Apollo and graphql-tools; give it the ESM one the code already uses. */
if (!require('node:fs').existsSync(apolloEsm)) throw new Error(`one-apollo: ${apolloEsm} is missing; @apollo/server changed its layout`);
const oneApollo = mustLoad('one-apollo', /^@apollo\/server$/, (args) => (args.kind === 'require-call' ? { path: apolloEsm } : undefined));

/**
 * A plugin that gives every import matching `filter` (from an importer `when` accepts) the module text
 * `contents(path)` instead of the package: a dependency's module that a cold start would only compile.
 */
function standIn(name, filter, contents, { when = () => true, resolveDir } = {}) {
  return mustLoad(name, filter, (args) => (when(args.importer) ? { path: args.path, namespace: name } : undefined), (args) => ({ contents: contents(args.path), loader: 'js', resolveDir }));
}

/**
 * Apollo's usage reporting and inline tracing (Apollo GraphOS) are disabled in api/graphql/server.ts;
 * their protobuf definitions are the largest part of the bundle. A stand-in that fails loudly if
 * anything ever uses it.
 */
const noUsageReporting = standIn(
  'no-usage-reporting',
  /^(@apollo\/usage-reporting-protobuf|@apollo\/utils\.usagereporting|lodash\.sortby)$/,
  (name) => `module.exports = new Proxy({}, { get(_, key) { if (key === '__esModule') return false; throw new Error(${JSON.stringify(`${name} is not bundled: Apollo usage reporting and inline tracing are disabled`)}); } });`,
);

/**
 * api/graphql/schema.ts builds the executable schema from a pre-parsed document, so Apollo's
 * makeExecutableSchema (graphql-tools: schema merging, mapping, printing) is never called. A stand-in
 * that fails loudly if it ever is.
 */
const noSchemaTools = standIn(
  'no-schema-tools',
  /^@graphql-tools\/schema$/,
  () => "export function makeExecutableSchema() { throw new Error('@graphql-tools/schema is not bundled: pass Apollo a built schema (api/graphql/schema.ts)'); }",
);

/**
 * Apollo is given its cache and its document store (api/graphql/server.ts), so its default,
 * InMemoryLRUCache, is never built; the module still loads lru-cache, which loads perf_hooks, on every
 * cold start. A stand-in keeps the rest of the package and fails loudly if the default is ever built.
 */
const keyValueCache = path.join(modules, '@apollo', 'utils.keyvaluecache', 'dist');
for (const file of ['PrefixingKeyValueCache.js', 'ErrorsAreMissesCache.js']) {
  if (!require('node:fs').existsSync(path.join(keyValueCache, file))) throw new Error(`no-default-apollo-cache: ${file} is missing from @apollo/utils.keyvaluecache`);
}
const noDefaultApolloCache = standIn(
  'no-default-apollo-cache',
  /^@apollo\/utils\.keyvaluecache$/,
  () =>
    [
      `export { PrefixingKeyValueCache } from ${JSON.stringify(path.join(keyValueCache, 'PrefixingKeyValueCache.js'))};`,
      `export { ErrorsAreMissesCache } from ${JSON.stringify(path.join(keyValueCache, 'ErrorsAreMissesCache.js'))};`,
      "export class InMemoryLRUCache { constructor() { throw new Error('InMemoryLRUCache is not bundled: give Apollo a cache and a documentStore (api/graphql/server.ts)'); } }",
    ].join('\n'),
  { when: (importer) => importer.startsWith(path.dirname(apolloEsm)), resolveDir: keyValueCache },
);

/**
 * Apollo hashes every query (document cache, persisted queries) through @apollo/utils.createhash, which
 * inside a bundle misses Node's crypto (it looks for module.require) and falls back to a JavaScript
 * SHA-256 (sha.js): slower per request and more code to compile. Give it Node's.
 */
const nodeCreateHash = standIn('node-create-hash', /^@apollo\/utils\.createhash$/, () => "export { createHash } from 'node:crypto';");

/**
 * The graphql function is split: code reached only by a dynamic import() (Apollo plugins Tide disables,
 * the SDK parts' event streams and HTTP/1 module, loaded on first use) goes to
 * chunks a cold start never reads or compiles. Its chunks get their own folder, which serverless.yml
 * leaves out of the other functions' packages.
 */
const splitGraphql = {
  name: 'split-graphql',
  setup(build) {
    if (!isGraphqlBuild(build)) return;
    build.initialOptions.splitting = true;
    build.initialOptions.chunkNames = 'graphql-chunks/[name]-[hash]';
  },
};

const builtins = new Set(builtinModules);

/**
 * Built-ins the bundle imports at the top of a module but a cold start does not use: each is required on
 * the first read of one of its exports. The AWS SDK's modules import node:fs/promises to read ~/.aws, which
 * a function with its role's keys in the environment never does; loading it costs about 2 ms on Node 22.
 */
const LAZY = new Set(['fs/promises']);
function lazyBuiltin(name) {
  const id = JSON.stringify(`node:${name}`);
  const names = JSON.stringify(Object.getOwnPropertyNames(require(`node:${name}`)));
  return `let m; const load = () => (m ??= require(${id}));
module.exports = new Proxy({}, {
  get: (_, key) => (key === '__esModule' ? undefined : load()[key]),
  ownKeys: () => ${names},
  getOwnPropertyDescriptor: (_, key) => ({ configurable: true, enumerable: true, get: () => load()[key] }),
});`;
}

/**
 * Node's own modules are loaded with require(), not import. An ES import of a built-in makes Node build
 * its ES facade, which reads every export once: on Node 22, reading node:http's WebSocket export loads
 * undici (Node's fetch), and node:process's report loads the diagnostic report, tens of ms of a cold
 * start for nothing. require() hands over the module object and nothing is read until used.
 */
const requireBuiltins = {
  name: 'require-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_/]+$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if ((args.kind !== 'import-statement' && args.kind !== 'dynamic-import') || !builtins.has(name)) return undefined;
      return { path: name, namespace: 'require-builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'require-builtin' }, (args) => ({ contents: LAZY.has(args.path) ? lazyBuiltin(args.path) : `module.exports = require(${JSON.stringify(`node:${args.path}`)});`, loader: 'js' }));
  },
};

module.exports = [oneApollo, noUsageReporting, noSchemaTools, noDefaultApolloCache, nodeCreateHash, splitGraphql, requireBuiltins];
