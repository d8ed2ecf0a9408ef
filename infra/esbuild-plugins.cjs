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

module.exports = [oneApollo, noUsageReporting];
