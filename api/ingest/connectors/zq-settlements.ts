import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Connector } from '../connector.js';
import type { DateFormat } from './csv-values.js';
import { parseZqSettlements, type SettlementColumns } from './zq-settlements-parser.js';

export type ZqSettlementsJob = { kind: 'zq-settlements'; file: string } & SettlementColumns;

/** A vendor's settlement file with many ZQ contracts (date, contract, settlement), read in one go. */
export const zqSettlements: Connector<ZqSettlementsJob> = {
  kind: 'zq-settlements',
  check(_job, needs) {
    needs('file', (v) => typeof v === 'string', 'a file path relative to the repository');
  },
  describe: (job) => `zq-settlements ${job.file}`,
  // one series per contract in the file, known only once it is read
  expectedSeries: () => 1,
  async fetch(job) {
    let bytes: Buffer;
    try {
      bytes = await readFile(job.file);
    } catch (e) {
      throw new Error(`settlement file ${job.file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return parseZqSettlements(bytes, basename(job.file), job);
  },
  readsLocalFile: () => true,
  command: {
    usage: [
      '  zq-settlements <FILE> [--date-col COL] [--contract-col COL] [--settle-col COL] [--date-format F]',
      '                                            a vendor file of fed funds futures settlements (ZQ… ids)',
    ],
    options: { 'date-col': { type: 'string' }, 'contract-col': { type: 'string' }, 'settle-col': { type: 'string' }, 'date-format': { type: 'string' } },
    build({ values: v, one, fail }) {
      const file = one('file path');
      const df = v['date-format'] as string | undefined;
      if (df && !['YYYY-MM-DD', 'MM/DD/YYYY', 'DD.MM.YYYY'].includes(df)) fail('zq-settlements: --date-format must be YYYY-MM-DD, MM/DD/YYYY or DD.MM.YYYY.');
      return {
        kind: 'zq-settlements',
        file,
        ...(v['date-col'] ? { dateColumn: v['date-col'] as string } : {}),
        ...(v['contract-col'] ? { contractColumn: v['contract-col'] as string } : {}),
        ...(v['settle-col'] ? { settlementColumn: v['settle-col'] as string } : {}),
        ...(df ? { dateFormat: df as DateFormat } : {}),
      };
    },
  },
};
