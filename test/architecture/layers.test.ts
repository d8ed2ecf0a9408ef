// The layer map, enforced: every relative import in api/**/*.ts must point down a layer (or stay in
// its own folder). Reads the import, export-from and import() statements with TypeScript's own
// pre-processor, so type-only imports count too: a type pulled from an upper layer is still an arrow up.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));

/**
 * Higher imports lower, never the reverse, and two folders on the same level do not import each
 * other. Read top-down: entry points → handlers → graphql → services → indicators / store → series.
 */
const LEVEL: Record<string, number> = {
  cli: 9, // the command-line entry points: ingest, load-sample, keys
  local: 8, // npm start: the dev runtime, and the target the CLIs write to
  handlers: 7, // Lambda handlers
  'addin-hosting': 6, // beside the handlers: the add-in's files, docs, front page (used by a handler and by local)
  graphql: 5, // Apollo server, resolvers, scalars, limits; the one place errors become GraphQL errors
  'front-door': 5, // the front page's content (examples, HTML)
  dataset: 4, // the bundled dataset, loaded through ingest
  services: 3, // what a field does
  ingest: 3, // sources → series batches → the store
  auth: 3, // API keys (stored through the store)
  indicators: 2, // pure math and indicator specs
  store: 2, // the only code that knows DynamoDB
  series: 1, // shared shapes and rules of a series
  errors: 1, // DomainError
  generated: 0, // from schema.graphql: enums, type defs (resolver types belong to graphql, below)
  observability: 0,
  types: 0,
};

/** Generated resolver types refer to the GraphQL context and the services' mapped models. */
const FILE_LAYER: Record<string, string> = { 'api/generated/resolvers-types.ts': 'graphql' };

function layerOf(file: string): string | undefined {
  if (FILE_LAYER[file]) return FILE_LAYER[file];
  const [top, folder] = file.split('/');
  return top === 'api' && Object.hasOwn(LEVEL, folder) && file.split('/').length > 2 ? folder : undefined;
}

/** Relative imports of one source text, resolved to repository paths (.js → .ts as TypeScript does). */
function importsOf(file: string, source: string): string[] {
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts'));
}

/** The imports of `file` that break the map, each as "from → to (why)". */
function violations(file: string, source: string): string[] {
  const from = layerOf(file);
  if (!from) return [`${file} is in no layer; add its folder to LEVEL in test/architecture/layers.test.ts`];
  const out: string[] = [];
  for (const target of importsOf(file, source)) {
    if (!target.startsWith('api/')) {
      if (/^(test|bench|support)\//.test(target)) out.push(`${file} → ${target} (api/ must not import tests, benchmarks or their harness)`);
      // the add-in and its build sit above the API: they import from api/ (addin-hosting/addin-origin.ts), never the reverse
      if (/^addin\//.test(target)) out.push(`${file} → ${target} (api/ must not import the add-in or its build scripts)`);
      continue; // infra/ and config files are data, not layers
    }
    const to = layerOf(target);
    if (!to) {
      out.push(`${file} → ${target} (the target is in no layer)`);
      continue;
    }
    // a layer uses its own files freely (the GraphQL layer includes the generated resolver types);
    // a file of a folder that sits on another layer (a CLI, those types) is judged by the levels
    if (to === from) continue;
    if (!(LEVEL[to] < LEVEL[from])) out.push(`${file} (${from}) → ${target} (${to}): imports must point down the layers`);
  }
  return out;
}

function apiFiles(dir = join(ROOT, 'api')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? apiFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [relative(ROOT, join(dir, e.name))] : []));
}

describe('the layer map (CONTRIBUTING.md)', () => {
  const files = apiFiles();

  it('reads every TypeScript file under api/, and each one belongs to a layer', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
  });

  it('every import in api/ points down a layer: no service reaches the GraphQL layer, no math reaches the store', () => {
    const found = files.flatMap((f) => violations(f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });

  it('the check refuses an arrow up, whatever form the import takes', () => {
    const up = [
      ['api/services/search.ts', "import type { GraphQLContext } from '../graphql/context.js';"],
      ['api/services/observations.ts', "export { graphqlError } from '../graphql/errors.js';"],
      ['api/services/indicators/indicator.ts', "const m = await import('../../generated/resolvers-types.js');"],
      ['api/indicators/rolling.ts', "import { SeriesStore } from '../store/series-store.js';"],
      ['api/store/series-store.ts', "import { readObservations } from '../services/observations.js';"],
      ['api/series/periods.ts', "import { isPresent } from '../indicators/columns.js';"],
      ['api/generated/enums.ts', "import type { Resolvers } from './resolvers-types.js';"],
      ['api/ingest/jobs.ts', "import { USAGE } from '../cli/ingest.js';"],
      ['api/ingest/pipeline.ts', "import { openTarget } from '../local/target.js';"],
      ['api/graphql/server.ts', "import { handler } from '../handlers/graphql.js';"],
      ['api/store/keys.ts', "import { helper } from '../../test/helpers/dynalite.js';"],
      ['api/local/server.ts', "import { localStore } from '../../support/local-store.js';"],
      ['api/local/start.ts', "import { writeManifest } from '../../addin/scripts/manifest.js';"],
      ['api/addin-hosting/serve-addin.ts', "import { ORIGIN_PLACEHOLDER } from '../../addin/scripts/manifest-xml.js';"],
    ] as const;
    for (const [file, source] of up) expect(violations(file, source), `${file}: ${source}`).toHaveLength(1);
    // and lets an arrow down, or within a folder, through
    expect(violations('api/graphql/resolvers/query.ts', "import { search } from '../../services/search.js';\nimport { x } from './series.js';")).toEqual([]);
    expect(violations('api/services/search.ts', "import type { ErrorCode } from '../generated/enums.js';")).toEqual([]);
  });
});
