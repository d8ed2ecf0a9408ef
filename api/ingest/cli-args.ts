import { parseArgs } from 'node:util';
import type { CftcReport } from './connectors/cftc-parser.js';
import type { DateFormat, DecimalMark } from './connectors/csv-values.js';
import { isFrequency, type Job } from './jobs.js';

export const USAGE = `Usage: npm run ingest -- <command> [args] [--table NAME | --stage STAGE] [--region R]
  fred <SERIES_ID...> [--vintages]          FRED/ALFRED (FRED_API_KEY)
  cftc <CONTRACT_CODE> [--report F|C]       CFTC TFF, futures only (F) and/or combined (C); both by default
  csv <FILE> --date-col COL --value-col COL --id ID [--value-col COL --id ID ...]
      [--date-format YYYY-MM-DD|MM/DD/YYYY|DD.MM.YYYY] [--delimiter ,|;|tab] [--decimal .|,]
      [--realtime-start observation|YYYY-MM-DD] [--name TEXT] [--unit TEXT] [--frequency DAILY|...]
  stooq <ID...> [--symbol TICKER]           daily closes from Stooq (no key)
  alphavantage <ID...> [--symbol TICKER]    daily closes from Alpha Vantage (ALPHAVANTAGE_API_KEY)
  polls [FILE] [--candidates Trump,Harris] [--states]  538 polls → daily national averages (and per state)
  refresh                                   every bundled series from its source, then how recent each is
  scheduled [--config ingest.config.json]   every job in the config`;

export interface CliRequest {
  command: string;
  jobs?: Job[];
  configPath?: string;
  target: { table?: string; stage?: string; region?: string };
}

const fail = (msg: string): never => {
  throw new Error(`${msg}\n\n${USAGE}`);
};

export function parseCli(argv: string[]): CliRequest {
  const { values: v, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      vintages: { type: 'boolean' }, report: { type: 'string', multiple: true }, config: { type: 'string' },
      'date-col': { type: 'string' }, 'value-col': { type: 'string', multiple: true }, id: { type: 'string', multiple: true },
      'date-format': { type: 'string' }, delimiter: { type: 'string' }, decimal: { type: 'string' },
      'realtime-start': { type: 'string' }, name: { type: 'string' }, unit: { type: 'string' }, frequency: { type: 'string' },
      symbol: { type: 'string' }, candidates: { type: 'string' }, states: { type: 'boolean' },
      table: { type: 'string' }, stage: { type: 'string' }, region: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const [command, ...args] = positionals;
  const target = { table: v.table, stage: v.stage, region: v.region };
  if (!command || v.help) fail('Missing command.');
  const one = (what: string) => args[0] ?? fail(`${command}: missing ${what}.`);
  switch (command) {
    case 'fred':
      one('series id');
      return { command, target, jobs: [{ kind: 'fred', series: args, vintages: v.vintages ?? false }] };
    case 'cftc': {
      const reports = (v.report ?? ['F', 'C']).map((r) => (r === 'F' || r === 'C' ? r : fail(`cftc: --report must be F or C, not "${r}".`))) as CftcReport[];
      return { command, target, jobs: [{ kind: 'cftc', contract: one('contract code'), reports }] };
    }
    case 'stooq': case 'alphavantage': {
      one('series id');
      const symbols = v.symbol ? (args.length === 1 ? { [args[0]]: v.symbol } : fail(`${command}: --symbol needs exactly one series id.`)) : undefined;
      return { command, target, jobs: [{ kind: command, series: args, symbols }] };
    }
    case 'polls':
      return { command, target, jobs: [{ kind: 'polls', file: args[0] ?? 'data/real/polls_538_national_president_2024_to_0730.csv', candidates: v.candidates?.split(',').map((s) => s.trim()), states: v.states ?? false }] };
    case 'refresh':
      return { command, target };
    case 'scheduled':
      return { command, target, configPath: v.config ?? 'ingest.config.json' };
    case 'csv':
      return { command, target, jobs: [csvJob(one('file path'), v)] };
    default:
      return fail(`Unknown command "${command}".`);
  }
}

function csvJob(file: string, v: Record<string, string | string[] | boolean | undefined>): Job {
  const cols = (v['value-col'] as string[] | undefined) ?? fail('csv: give at least one --value-col.');
  const ids = (v.id as string[] | undefined) ?? fail('csv: give an --id for each --value-col.');
  if (cols.length !== ids.length) fail(`csv: ${cols.length} --value-col but ${ids.length} --id; give one id per value column, in the same order.`);
  const dateColumn = (v['date-col'] as string | undefined) ?? fail('csv: --date-col is required (the header of the date column).');
  const formats = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD.MM.YYYY'];
  const df = v['date-format'] as string | undefined;
  if (df && !formats.includes(df)) fail(`csv: --date-format must be one of ${formats.join(', ')}.`);
  const delim = v.delimiter === 'tab' ? '\t' : (v.delimiter as string | undefined);
  if (delim && ![',', ';', '\t'].includes(delim)) fail('csv: --delimiter must be , ; or tab.');
  const dec = v.decimal as string | undefined;
  if (dec && dec !== '.' && dec !== ',') fail('csv: --decimal must be . or ,');
  const freq = v.frequency as string | undefined;
  if (freq && !isFrequency(freq)) fail('csv: --frequency must be DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL.');
  const rs = v['realtime-start'] as string | undefined;
  if (rs && rs !== 'observation' && !/^\d{4}-\d{2}-\d{2}$/.test(rs)) fail('csv: --realtime-start must be "observation" or a YYYY-MM-DD day.');
  return {
    kind: 'csv', file, dateColumn,
    columns: cols.map((column, i) => ({ column, id: ids[i], name: v.name as string | undefined, unit: v.unit as string | undefined })),
    ...(df ? { dateFormat: df as DateFormat } : {}),
    ...(delim ? { delimiter: delim as ',' | ';' | '\t' } : {}),
    ...(dec ? { decimal: dec as DecimalMark } : {}),
    ...(freq && isFrequency(freq) ? { frequency: freq } : {}),
    ...(rs ? { realtimeStart: rs } : {}),
  };
}
