import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { ensureTable, startDynalite } from '../../api/local/dynalite.js';
import { LOCAL_TABLE } from '../../api/local/paths.js';
import { CheckRecords } from '../../api/store/check-records.js';
import { createDocumentClient } from '../../api/store/client.js';
import { SeriesStore } from '../../api/store/series-store.js';
import { createTable } from '../../api/store/sdk-table.js';

// The restore rehearsal: `npm run backup -- export` from one dynalite table and `import` into a new,
// empty one, as a person runs them (the CLI, against the table a running `npm start` names in its
// endpoint file), then both tables read whole with a Scan of the SDK's own client and compared item
// for item: every series with every vintage, the version tokens, the API keys, the check records.

const run = promisify(execFile);
const repo = process.cwd();
let work: string;
const servers: Awaited<ReturnType<typeof startDynalite>>[] = [];

async function table() {
  const dynamo = await startDynalite();
  servers.push(dynamo);
  await ensureTable(dynamo.endpoint, LOCAL_TABLE);
  return dynamo.endpoint;
}

/** The CLI against the table at `endpoint` (as the endpoint file of a running local server names it). */
async function backup(endpoint: string, args: string[]) {
  await writeFile(join(work, '.data', 'endpoint'), endpoint);
  return run(join(repo, 'node_modules/.bin/tsx'), [join(repo, 'api/cli/backup.ts'), ...args], { cwd: work, env: { ...process.env, TIDE_DATA_DIR: join(work, '.data') } }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }),
  );
}

async function scan(endpoint: string): Promise<Record<string, unknown>[]> {
  const client = createDocumentClient({ endpoint });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await client.send(new ScanCommand({ TableName: LOCAL_TABLE, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  client.destroy();
  return items.sort((a, b) => (`${a.pk}|${a.sk}` < `${b.pk}|${b.sk}` ? -1 : 1));
}

let source: string;
let sourceItems: Record<string, unknown>[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'tide-backup-'));
  await run('mkdir', ['-p', join(work, '.data')]);
  source = await table();
  const wire = createTable({ endpoint: source });
  const store = new SeriesStore({ table: wire, tableName: LOCAL_TABLE });
  await loadBundled(store, join(repo, 'data')); // every bundled series; CPIAUCSL and GDPC1 with their ALFRED vintages
  await new CheckRecords(wire, LOCAL_TABLE).recordChecked(['CPIAUCSL', 'DGS2'], new Date('2026-01-06T23:40:00Z'));
  await new ApiKeyStore(wire, LOCAL_TABLE).create('backup test');
  wire.destroy();
  sourceItems = await scan(source);
}, 120_000);
afterAll(async () => {
  for (const s of servers) await s.close();
  await rm(work, { recursive: true, force: true });
});

describe('export, then import into an empty table', () => {
  it('round-trips every item exactly', { timeout: 120_000 }, async () => {
    const exported = await backup(source, ['export', join(work, 'out')]);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    const manifest = JSON.parse(await readFile(join(work, 'out', 'manifest.json'), 'utf8'));
    expect(manifest.partitions.reduce((n: number, p: { items: number }) => n + p.items, 0)).toBe(sourceItems.length);
    expect(exported.out).toContain(`Exported ${sourceItems.length} items in ${manifest.partitions.length} partitions`);
    // What the export holds: series items with many vintages (the CPI chunks), the keys, the roster and checks.
    const kinds = new Set(sourceItems.map((i) => String(i.sk).replace(/\d+$/, '')));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['APIKEY', 'C#', 'CHECK', 'META', 'ROSTER', 'V#', 'VERSION']));

    const target = await table();
    const imported = await backup(target, ['import', join(work, 'out')]);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`Imported ${sourceItems.length} items`);
    expect(await scan(target)).toEqual(sourceItems);

    // A second import into the same table is refused and changes nothing.
    const again = await backup(target, ['import', join(work, 'out')]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already holds series, keys or items of this export: import into a new, empty table (nothing was written)');
    expect(await scan(target)).toEqual(sourceItems);
  });

  it('a changed or cut file, or a malformed line, is refused before anything is written', { timeout: 120_000 }, async () => {
    const manifest = JSON.parse(await readFile(join(work, 'out', 'manifest.json'), 'utf8'));
    const cpi = manifest.partitions.find((p: { pk: string }) => p.pk === 'S#CPIAUCSL');
    const file = join(work, 'out', cpi.file);
    const original = await readFile(file, 'utf8');
    const empty = await table();
    try {
      await writeFile(file, original.slice(0, original.length - 200));
      const cut = await backup(empty, ['import', join(work, 'out')]);
      expect(cut.code).toBe(1);
      expect(cut.err).toContain(`${cpi.file} does not match its checksum in manifest.json: the file was changed or cut short`);
      expect(await scan(empty)).toEqual([]);
    } finally {
      await writeFile(file, original);
    }
    // A line that is not an item, with the checksum made to match: refused by line, nothing written.
    await run('cp', ['-r', join(work, 'out'), join(work, 'bad')]);
    const lines = original.split('\n');
    lines[1] = '{"pk": 5, "sk": "META"}';
    const bad = lines.join('\n');
    await writeFile(join(work, 'bad', cpi.file), bad);
    const { createHash } = await import('node:crypto');
    const badManifest = { ...manifest, partitions: manifest.partitions.map((p: { pk: string }) => (p.pk === 'S#CPIAUCSL' ? { ...p, sha256: createHash('sha256').update(bad).digest('hex') } : p)) };
    await writeFile(join(work, 'bad', 'manifest.json'), JSON.stringify(badManifest));
    const malformed = await backup(empty, ['import', join(work, 'bad')]);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain(`${cpi.file}, line 2: not a table item (an object with string pk and sk)`);
    expect(await scan(empty)).toEqual([]);

    const odd = JSON.stringify({ ...manifest, format: 'something-else' });
    await run('mkdir', ['-p', join(work, 'odd')]);
    await writeFile(join(work, 'odd', 'manifest.json'), odd);
    const wrong = await backup(empty, ['import', join(work, 'odd')]);
    expect(wrong.err).toContain('manifest.json is not a tide-table-export version 1 manifest');
    expect(await scan(empty)).toEqual([]);
  });

  it('export refuses a folder that is not empty', async () => {
    const r = await backup(source, ['export', join(work, 'out')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is not empty: export into a new folder');
  });
});
