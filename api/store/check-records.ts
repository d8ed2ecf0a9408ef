import { batchPut } from './batch-write.js';
import { seriesPk } from './keys.js';
import type { Table } from './table.js';

// When the ingest last asked a series' source and got an answer, whether or not it held anything new:
// one small item per series beside its data (pk S#<id>, sk CHECK), replaced by every successful run.
// Apart from the series' metadata on purpose: writing it touches neither the metadata nor the version
// token, so a nightly check that finds nothing new leaves every cache of the series valid.
// The roster (pk "S#", no id: no series id is empty) lists every series an ingest has checked, so the
// scheduled function, which may read only series items and not the catalog index, knows which series
// to judge, including those whose job failed tonight. Both grow with the number of series, never with runs.

export const CHECK_SK = 'CHECK';
/** The partition of the roster: outside the catalog index, so a table export names it itself. */
export const ROSTER_PK = seriesPk('');
const ROSTER_KEY = { pk: ROSTER_PK, sk: 'ROSTER' };

export interface CheckReader {
  /** ISO timestamp of the last successful check, or null when no ingest ever checked this series. */
  lastChecked(id: string): Promise<string | null>;
}

export class CheckRecords implements CheckReader {
  constructor(
    readonly table: Table,
    readonly tableName: string,
  ) {}

  async lastChecked(id: string): Promise<string | null> {
    const { Item } = await this.table.get({ TableName: this.tableName, Key: { pk: seriesPk(id), sk: CHECK_SK } });
    return typeof Item?.checkedAt === 'string' ? Item.checkedAt : null;
  }

  /** Every series an ingest has checked, sorted. */
  async checkedIds(): Promise<string[]> {
    const { Item } = await this.table.get({ TableName: this.tableName, Key: ROSTER_KEY, ConsistentRead: true });
    return Array.isArray(Item?.ids) ? (Item.ids as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  }

  /**
   * Records that each of `ids` was checked at `at`: the check items in batches of 25, then the roster
   * (read, merged, written: a concurrent run's new id is at worst added by its next run).
   */
  async recordChecked(ids: string[], at: Date): Promise<void> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return;
    const checkedAt = at.toISOString();
    await batchPut(
      this.table,
      this.tableName,
      unique.map((id) => ({ pk: seriesPk(id), sk: CHECK_SK, checkedAt })),
    );
    const known = await this.checkedIds();
    const merged = [...new Set([...known, ...unique])].sort();
    if (merged.length !== known.length) await this.table.put({ TableName: this.tableName, Item: { ...ROSTER_KEY, ids: merged } });
  }
}
