// DynamoDB on-demand throughput, as a model: each partition serves at most 3,000 read units and
// 1,000 write units a second. A read unit is one strongly consistent read of up to 4 KB (an
// eventually consistent read is half a unit); a Query rounds the sum of its items' sizes up to 4 KB,
// a GetItem its one item. A write unit is up to 1 KB written.

export const PARTITION_RCU = 3_000;
export const PARTITION_WCU = 1_000;

export const readUnits = (bytes: number, consistent: boolean): number => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));

interface Bucket {
  read: number;
  write: number;
  at: number;
}

export interface MeterStats {
  readUnits: number;
  writeUnits: number;
  throttled: number;
  calls: number;
  /** Read units consumed per partition, for naming the hot one. */
  byPartition: Map<string, number>;
}

/**
 * A token bucket per partition holding at most one second of throughput, refilled continuously.
 * Time is whatever clock the caller passes (wall time in the proxy, simulated time in the model), so
 * the same rule serves both.
 */
export class PartitionMeter {
  readonly stats: MeterStats = { readUnits: 0, writeUnits: 0, throttled: 0, calls: 0, byPartition: new Map() };
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rcu = PARTITION_RCU,
    readonly wcu = PARTITION_WCU,
  ) {}

  /** Takes `units` from the partition's bucket at `nowMs`; false (nothing taken) when it would go below zero. */
  consume(partition: string, kind: 'read' | 'write', units: number, nowMs: number): boolean {
    let b = this.buckets.get(partition);
    if (!b) this.buckets.set(partition, (b = { read: this.rcu, write: this.wcu, at: nowMs }));
    const elapsed = Math.max(0, nowMs - b.at) / 1000;
    b.read = Math.min(this.rcu, b.read + elapsed * this.rcu);
    b.write = Math.min(this.wcu, b.write + elapsed * this.wcu);
    b.at = Math.max(b.at, nowMs);
    this.stats.calls++;
    if (b[kind] < units) {
      this.stats.throttled++;
      return false;
    }
    b[kind] -= units;
    if (kind === 'read') {
      this.stats.readUnits += units;
      this.stats.byPartition.set(partition, (this.stats.byPartition.get(partition) ?? 0) + units);
    } else this.stats.writeUnits += units;
    return true;
  }
}
