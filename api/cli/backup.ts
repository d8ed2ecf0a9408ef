// npm run backup -- export <folder> | import <folder>   [--stage <stage> | --table <name>] [--region <region>]
// The local rehearsal of a restore (docs/deploy.md, "Restore"): every series of a table, with every
// vintage, its API keys and the ingest's check records, to files; and from files into an empty table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_KEY_PARTITION } from '../auth/key-store.js';
import { BUNDLED_MARKER_PK } from '../dataset/load-bundled.js';
import { openTarget, type Target } from '../local/target.js';
import { ROSTER_PK } from '../store/check-records.js';
import { CATALOG_PARTITION } from '../store/keys.js';
import { holdsNone, itemLine, lineItem, partitionKeys, putItems, readPartition } from '../store/table-dump.js';
import type { Item } from '../store/table.js';

const USAGE = `Usage: npm run backup -- <command> <folder> [options]
  export <folder>   every series (all vintages), API key and check record of the table, one file per partition
  import <folder>   those files into a table that holds none of them (a new, empty table)
Options: --stage <stage> or --table <table> for a deployed table (AWS credentials required), --region <region>.
Without them: the table of a running \`npm start\`, else the local data folder (.data, or TIDE_DATA_DIR).`;

export const EXPORT_FORMAT = 'tide-table-export';
const EXPORT_VERSION = 1;
/** What the catalog index lists: series metadata and API keys. */
const INDEX_PARTITIONS = [CATALOG_PARTITION, API_KEY_PARTITION];
/** Partitions outside the index: the ingest's roster of checked series, and which bundled dataset a local store holds. */
const OTHER_PARTITIONS = [ROSTER_PK, BUNDLED_MARKER_PK];

interface Manifest {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedFrom: string;
  exportedAt: string;
  partitions: { pk: string; file: string; items: number; sha256: string }[];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// A file per partition, named so any id (NQ=F, ^RUT, FEDWATCH:2025-01) is a valid file name.
const fileOf = (pk: string) => `items/${encodeURIComponent(pk).replace(/\*/g, '%2A')}.jsonl`;

async function exportTable(target: Target, folder: string): Promise<string> {
  const existing = await readdir(folder).catch(() => []);
  if (existing.length) throw new Error(`${folder} is not empty: export into a new folder, so no earlier export is mixed in`);
  const { table, tableName } = target.store;
  const pks = await partitionKeys(table, tableName, INDEX_PARTITIONS, OTHER_PARTITIONS);
  await mkdir(join(folder, 'items'), { recursive: true });
  const manifest: Manifest = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedFrom: target.description, exportedAt: new Date().toISOString(), partitions: [] };
  let items = 0;
  for (const pk of pks) {
    const found = await readPartition(table, tableName, pk);
    if (found.length === 0) continue; // no ingest has checked anything yet, or no bundled dataset was loaded
    const text = found.map(itemLine).join('\n') + '\n';
    await writeFile(join(folder, fileOf(pk)), text);
    manifest.partitions.push({ pk, file: fileOf(pk), items: found.length, sha256: sha256(text) });
    items += found.length;
  }
  await writeFile(join(folder, 'manifest.json'), JSON.stringify(manifest, null, 1) + '\n');
  return `Exported ${items} items in ${manifest.partitions.length} partitions from ${target.description} to ${folder}`;
}

/** Every item of an export, checked whole (format, checksums, counts, keys) before anything is written. */
export async function readExport(folder: string): Promise<{ manifest: Manifest; items: Item[] }> {
  const text = await readFile(join(folder, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`${folder} holds no manifest.json: not a folder written by \`npm run backup -- export\``);
  });
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw new Error(`${folder}/manifest.json is not JSON`);
  }
  if (manifest.format !== EXPORT_FORMAT || manifest.version !== EXPORT_VERSION || !Array.isArray(manifest.partitions)) {
    throw new Error(`${folder}/manifest.json is not a ${EXPORT_FORMAT} version ${EXPORT_VERSION} manifest`);
  }
  const items: Item[] = [];
  for (const p of manifest.partitions) {
    if (p.file !== fileOf(p.pk)) throw new Error(`manifest: partition ${p.pk} names file ${p.file}, expected ${fileOf(p.pk)}`);
    const body = await readFile(join(folder, p.file), 'utf8').catch(() => {
      throw new Error(`${p.file} is missing from ${folder}`);
    });
    if (sha256(body) !== p.sha256) throw new Error(`${p.file} does not match its checksum in manifest.json: the file was changed or cut short`);
    const lines = body.split('\n').filter((l) => l.length > 0);
    if (lines.length !== p.items) throw new Error(`${p.file} holds ${lines.length} items, manifest.json says ${p.items}`);
    lines.forEach((line, i) => {
      let item: Item;
      try {
        item = lineItem(line);
      } catch (e) {
        throw new Error(`${p.file}, line ${i + 1}: ${(e as Error).message}`);
      }
      if (item.pk !== p.pk) throw new Error(`${p.file}, line ${i + 1}: an item of partition ${String(item.pk)} in the file of ${p.pk}`);
      items.push(item);
    });
  }
  return { manifest, items };
}

async function importTable(target: Target, folder: string): Promise<string> {
  const { manifest, items } = await readExport(folder);
  const { table, tableName } = target.store;
  if (
    !(await holdsNone(
      table,
      tableName,
      INDEX_PARTITIONS,
      manifest.partitions.map((p) => p.pk),
    ))
  ) {
    throw new Error(`${target.description} already holds series, keys or items of this export: import into a new, empty table (nothing was written)`);
  }
  await putItems(table, tableName, items);
  return `Imported ${items.length} items in ${manifest.partitions.length} partitions (exported ${manifest.exportedAt} from ${manifest.exportedFrom}) into ${target.description}`;
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { stage: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } } });
  const [command, folder, ...rest] = positionals;
  if (command !== 'export' && command !== 'import') throw new Error(`${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}`);
  if (!folder || rest.length) throw new Error(`${command} needs exactly one folder\n${USAGE}`);
  const target = await openTarget({ stage: values.stage, table: values.table, region: values.region });
  try {
    console.log(command === 'export' ? await exportTable(target, folder) : await importTable(target, folder));
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`backup failed: ${err.message}`);
    process.exit(1);
  },
);
