// The add-in is bundled for Excel's webview, so what it takes from api/ must be pure code that runs
// there: it imports one file, the rule of which answers can never change, and that file imports only
// date arithmetic. A new import from api/ (a store, a logger, Node built-ins) fails here first.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));
const SHARED_RULE = 'api/graphql/http/answer-policy.ts';

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Every import of `file` (relative ones resolved to repository paths; packages as written). */
function importsOf(file: string): string[] {
  return ts
    .preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true)
    .importedFiles.map((f) => f.fileName)
    .map((spec) => (spec.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), spec)).replace(/\.js$/, '.ts') : spec));
}

describe('what the add-in takes from api/', () => {
  it('only the answer rule, which itself takes only date arithmetic', () => {
    const fromApi = [...new Set(files('addin/src').flatMap((f) => importsOf(f).filter((t) => t.startsWith('api/'))))];
    expect(fromApi).toEqual([SHARED_RULE]);
    expect(importsOf(SHARED_RULE)).toEqual(['api/series/dates.ts']);
    expect(importsOf('api/series/dates.ts')).toEqual([]);
  });
});

/** The import cycles among `sources`, each as the files around it (first file repeated last). */
function cycles(sources: string[], imports: (file: string) => string[] = importsOf): string[][] {
  const graph = new Map(sources.map((f) => [f, imports(f).filter((t) => sources.includes(t))]));
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (f: string, path: string[]) => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      found.push([...path.slice(path.indexOf(f)), f]);
      return;
    }
    state.set(f, 'open');
    for (const t of graph.get(f) ?? []) walk(t, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of sources) walk(f, []);
  return found;
}

describe('imports inside the add-in', () => {
  it('point one way: no file reaches itself through its imports (type-only ones count)', () => {
    const sources = files('addin/src');
    expect(sources.length).toBeGreaterThan(50);
    expect(cycles(sources)).toEqual([]);
  });

  it('the check finds a circle, as operation.ts ↔ query.ts was', () => {
    const was: Record<string, string[]> = { 'client/operation.ts': ['client/query.ts'], 'client/query.ts': ['client/operation.ts'], 'client/x.ts': ['client/query.ts'] };
    expect(cycles(Object.keys(was), (f) => was[f])).toEqual([['client/operation.ts', 'client/query.ts', 'client/operation.ts']]);
  });
});
