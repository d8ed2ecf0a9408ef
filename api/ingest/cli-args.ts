import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CONNECTORS, connectorNamed } from './connectors/index.js';
import type { Job } from './jobs.js';

export const USAGE = [
  'Usage: npm run ingest -- <command> [args] [--table NAME | --stage STAGE] [--region R]',
  ...CONNECTORS.flatMap((c) => c.command?.usage ?? []),
  '  refresh                                   every bundled series from its source, then how recent each is',
  '  scheduled [--config ingest.config.json]   every job in the config',
  '  status                                    every series: last observation, last checked, expected by, stale',
].join('\n');

export interface CliRequest {
  command: string;
  jobs?: Job[];
  configPath?: string;
  target: { table?: string; stage?: string; region?: string };
}

const fail = (msg: string): never => {
  throw new Error(`${msg}\n\n${USAGE}`);
};

/** The flags every command takes, then each source's own (a flag two sources share is declared alike). */
const OPTIONS: NonNullable<ParseArgsConfig['options']> = Object.assign(
  { config: { type: 'string' }, table: { type: 'string' }, stage: { type: 'string' }, region: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  ...CONNECTORS.map((c) => c.command?.options ?? {}),
);

export function parseCli(argv: string[]): CliRequest {
  const { values: v, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  const [command, ...args] = positionals;
  const target = { table: v.table as string | undefined, stage: v.stage as string | undefined, region: v.region as string | undefined };
  if (!command || v.help) fail('Missing command.');
  const one = (what: string) => args[0] ?? fail(`${command}: missing ${what}.`);
  if (command === 'refresh' || command === 'status') return { command, target };
  if (command === 'scheduled') return { command, target, configPath: (v.config as string | undefined) ?? 'ingest.config.json' };
  const source = connectorNamed(command)?.command ?? fail(`Unknown command "${command}".`);
  return { command, target, jobs: [source.build({ command, args, values: v, fail, one })] };
}
