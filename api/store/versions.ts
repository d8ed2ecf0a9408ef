import { VERSION_SK, seriesPk } from './keys.js';
import type { Table } from './table.js';

// Each series has one small VERSION item. Every write of the series makes a new random token, stamps
// it on what it writes (attribute `w` of each chunk or of the metadata), and then, in one update,
// makes it the series' token `v` and the token of each year written (`y<yyyy>`), of the metadata
// (`m`) or of the rescales (`r`). A reader that knows the version can check any item it read, even eventually consistent,
// against it: a stamp that differs means an older copy, read again strongly consistent.

export interface SeriesVersion {
  /** Replaced by every write of the series. */
  token: string;
  /** The token of the write that last wrote each year-chunk; its keys are the years the series has. */
  years: Map<number, string>;
  /** The token of the last metadata write. */
  meta?: string;
  /** The token of the last write of the series' rescales; absent when it has none. */
  rescales?: string;
}

/** The series' version, strongly consistent (one item under 1 KB: one read unit); null if never written with versions. */
export async function readVersion(table: Table, tableName: string, id: string): Promise<SeriesVersion | null> {
  const out = await table.get({ TableName: tableName, Key: { pk: seriesPk(id), sk: VERSION_SK }, ConsistentRead: true });
  if (!out.Item) return null;
  const years = new Map<number, string>();
  for (const [k, v] of Object.entries(out.Item)) if (/^y\d{4}$/.test(k)) years.set(Number(k.slice(1)), String(v));
  return {
    token: String(out.Item.v),
    years: new Map([...years].sort(([a], [b]) => a - b)),
    meta: out.Item.m === undefined ? undefined : String(out.Item.m),
    rescales: out.Item.r === undefined ? undefined : String(out.Item.r),
  };
}

/** Makes `token` current, for the years written or for the metadata, after the items carrying it are stored. */
export async function writeVersion(table: Table, tableName: string, id: string, token: string, written: { years?: number[]; meta?: boolean; rescales?: boolean }): Promise<void> {
  const names: Record<string, string> = {};
  const sets = ['v = :v'];
  for (const [i, year] of (written.years ?? []).entries()) {
    names[`#y${i}`] = `y${String(year).padStart(4, '0')}`;
    sets.push(`#y${i} = :v`);
  }
  if (written.meta) sets.push('m = :v');
  if (written.rescales) sets.push('r = :v');
  await table.update({
    TableName: tableName,
    Key: { pk: seriesPk(id), sk: VERSION_SK },
    UpdateExpression: `SET ${sets.join(', ')}`,
    ExpressionAttributeValues: { ':v': token },
    ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
  });
}
