import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';

// The Lambda bundles' plugins (infra/esbuild-plugins.cjs) stand in for modules of dependencies. A
// plugin whose target a dependency moved or dropped would do nothing without a word; the graphql build
// must fail instead, naming it. Built here on an entry that imports none of the targets.

const plugins = createRequire(import.meta.url)('../../infra/esbuild-plugins.cjs') as { name: string }[];
const dir = mkdtempSync(join(tmpdir(), 'tide-plugins-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bundle = async (entryName: string) => {
  mkdirSync(join(dir, 'api', 'handlers'), { recursive: true });
  const entry = join(dir, 'api', 'handlers', entryName);
  writeFileSync(entry, 'export const handler = () => 1;\n');
  return build({ entryPoints: [entry], bundle: true, write: false, platform: 'node', format: 'esm', outdir: join(dir, 'out'), plugins: plugins as never, logLevel: 'silent' }).then(
    () => [] as string[],
    (err: { errors: { text: string }[] }) => err.errors.map((e) => e.text),
  );
};

describe('the bundle plugins', () => {
  it('fail the graphql build, each naming itself, when what they stand in for is never imported', async () => {
    const errors = await bundle('graphql.ts');
    const named = ['one-apollo', 'no-usage-reporting', 'no-schema-tools', 'no-default-apollo-cache', 'node-create-hash'];
    expect(named.every((name) => plugins.some((p) => p.name === name))).toBe(true);
    for (const name of named)
      expect(
        errors.some((text) => text.startsWith(`${name}: nothing in the graphql bundle imports`)),
        name,
      ).toBe(true);
  });

  it("leave the other functions' builds alone, which import none of those modules", async () => {
    expect(await bundle('ingest.ts')).toEqual([]);
  });
});
