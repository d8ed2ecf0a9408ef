import type { Connector, JobOf } from '../connector.js';
import { alphavantage } from './alphavantage.js';
import { cftc } from './cftc.js';
import { clevelandfed } from './clevelandfed.js';
import { consensus } from './consensus.js';
import { csv } from './csv.js';
import { fred } from './fred.js';
import { kalshi } from './kalshi.js';
import { polls } from './polls.js';
import { stooq } from './stooq.js';
import { zq } from './zq.js';
import { zqSettlements } from './zq-settlements.js';

/**
 * The one list of ingest sources. A new source is its own files (a descriptor `<name>.ts` exporting
 * a Connector, with its client and parser) plus its entry here; the config check, the CLI, the
 * scheduled run and the `Job` type all read this list. The order is the order a config error lists
 * the kinds in and the CLI's usage lists the commands in.
 */
export const CONNECTORS = [fred, cftc, stooq, alphavantage, csv, polls, consensus, kalshi, clevelandfed, zq, zqSettlements] as const;

/** One unit of work a run performs; the config file is a list of these. */
export type Job = JobOf<(typeof CONNECTORS)[number]>;

const BY_KIND = new Map<string, Connector<Job>>(CONNECTORS.map((c) => [c.kind, c as Connector<Job>]));

/** The connector of a kind named in a config or on the command line, if there is one. */
export const connectorNamed = (kind: unknown): Connector<Job> | undefined => (typeof kind === 'string' ? BY_KIND.get(kind) : undefined);

/** The connector that runs a job (a config's jobs are checked against this list when read). */
export function connectorFor(job: Job): Connector<Job> {
  const connector = BY_KIND.get(job.kind);
  if (!connector) throw new Error(`no ingest source "${String(job.kind)}"; the sources are ${CONNECTORS.map((c) => c.kind).join(', ')}`);
  return connector;
}
