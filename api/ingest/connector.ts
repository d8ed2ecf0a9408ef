import type { ParseArgsConfig } from 'node:util';
import type { HttpOptions } from './http.js';
import type { SeriesBatch } from './types.js';

/** Reports a config field that fails its test, naming the job (one message format for every source). */
export type Needs = (field: string, test: (value: unknown) => boolean, what: string) => void;

/** What `fetch` gets: the environment (keys, base URLs) and the HTTP settings read from it once per job. */
export interface FetchContext {
  env: NodeJS.ProcessEnv;
  http: HttpOptions;
  /** The run's clock (tests fix it); connectors that choose what to fetch by date read it here. */
  now?: Date;
  /**
   * Set by the run: a connector that fetches many independent series reports one that failed here
   * and goes on with the rest. Absent (a caller that wants the first failure thrown): throw it.
   */
  onSeriesFailed?: (series: string, error: Error) => void;
}

/** What a connector's command gets: its positional arguments, every parsed flag, and how to refuse. */
export interface CommandContext {
  command: string;
  args: string[];
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  /** Throws the message followed by the usage text. */
  fail: (message: string) => never;
  /** The first positional argument, or a "missing <what>" failure. */
  one: (what: string) => string;
}

/**
 * Everything the ingest needs to know about one source, in one place: the registry
 * (connectors/index.ts) lists these, and the config check, the CLI and the run read only that list.
 * Methods (not function-typed properties) so a Connector<FredJob> is a Connector<Job>.
 */
export interface Connector<J extends { kind: string }> {
  kind: J['kind'];
  /** Checks one config entry's fields beyond `kind`; calls `needs` for each field it requires. */
  check(job: Record<string, unknown>, needs: Needs): void;
  /** One line for logs and summaries. */
  describe(job: J): string;
  /** How many series the job will deliver, known before fetching (for the progress bar). */
  expectedSeries(job: J): number;
  /** Fetches and parses everything the job delivers; nothing is written here. */
  fetch(job: J, context: FetchContext): Promise<SeriesBatch[]>;
  /** True when the job reads a local file, which is absent where the scheduled Lambda runs. */
  readsLocalFile?(job: J): boolean;
  /** The CLI command of the same name, if the source has one. */
  command?: {
    /** Usage lines, each starting with the command. */
    usage: string[];
    /** Flags for node:util parseArgs; a flag two sources share must be declared the same way. */
    options: NonNullable<ParseArgsConfig['options']>;
    build(context: CommandContext): J;
  };
}

/** The job type a connector handles. */
export type JobOf<C> = C extends Connector<infer J> ? J : never;

/** A non-empty list of strings: the series ids of a job. */
export const isIdList = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
