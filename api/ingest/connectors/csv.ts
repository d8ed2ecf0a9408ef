import { isFrequency } from '../../series/periods.js';
import type { Connector } from '../connector.js';
import { readCsvSeries } from './csv-client.js';
import type { CsvMapping } from './csv-parser.js';
import type { DateFormat, DecimalMark } from './csv-values.js';

export type CsvJob = { kind: 'csv'; file: string } & CsvMapping;

const DATE_FORMATS = ['YYYY-MM-DD', 'MM/DD/YYYY', 'DD.MM.YYYY'];

/** A local CSV file: one date column and one series per value column (never run by the scheduled Lambda). */
export const csv: Connector<CsvJob> = {
  kind: 'csv',
  check(_job, needs) {
    needs('file', (v) => typeof v === 'string', 'a file path relative to the repository');
    needs('dateColumn', (v) => typeof v === 'string', 'the name of the date column');
    needs('columns', (v) => Array.isArray(v) && v.length > 0 && v.every((c) => typeof c?.column === 'string' && typeof c?.id === 'string'), 'a list of {"column", "id"}');
  },
  describe: (job) => `csv ${job.file}`,
  expectedSeries: (job) => job.columns.length,
  fetch: (job) => readCsvSeries(job.file, job),
  readsLocalFile: () => true,
  command: {
    usage: [
      '  csv <FILE> --date-col COL --value-col COL --id ID [--value-col COL --id ID ...]',
      '      [--date-format YYYY-MM-DD|MM/DD/YYYY|DD.MM.YYYY] [--delimiter ,|;|tab] [--decimal .|,]',
      '      [--realtime-start observation|YYYY-MM-DD] [--name TEXT] [--unit TEXT] [--frequency DAILY|...]',
    ],
    options: {
      'date-col': { type: 'string' },
      'value-col': { type: 'string', multiple: true },
      id: { type: 'string', multiple: true },
      'date-format': { type: 'string' },
      delimiter: { type: 'string' },
      decimal: { type: 'string' },
      'realtime-start': { type: 'string' },
      name: { type: 'string' },
      unit: { type: 'string' },
      frequency: { type: 'string' },
    },
    build({ values: v, fail, one }) {
      const file = one('file path');
      const cols = (v['value-col'] as string[] | undefined) ?? fail('csv: give at least one --value-col.');
      const ids = (v.id as string[] | undefined) ?? fail('csv: give an --id for each --value-col.');
      if (cols.length !== ids.length) fail(`csv: ${cols.length} --value-col but ${ids.length} --id; give one id per value column, in the same order.`);
      const dateColumn = (v['date-col'] as string | undefined) ?? fail('csv: --date-col is required (the header of the date column).');
      const df = v['date-format'] as string | undefined;
      if (df && !DATE_FORMATS.includes(df)) fail(`csv: --date-format must be one of ${DATE_FORMATS.join(', ')}.`);
      const delim = v.delimiter === 'tab' ? '\t' : (v.delimiter as string | undefined);
      if (delim && ![',', ';', '\t'].includes(delim)) fail('csv: --delimiter must be , ; or tab.');
      const dec = v.decimal as string | undefined;
      if (dec && dec !== '.' && dec !== ',') fail('csv: --decimal must be . or ,');
      const freq = v.frequency as string | undefined;
      if (freq && !isFrequency(freq)) fail('csv: --frequency must be DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL.');
      const rs = v['realtime-start'] as string | undefined;
      if (rs && rs !== 'observation' && !/^\d{4}-\d{2}-\d{2}$/.test(rs)) fail('csv: --realtime-start must be "observation" or a YYYY-MM-DD day.');
      return {
        kind: 'csv',
        file,
        dateColumn,
        columns: cols.map((column, i) => ({ column, id: ids[i], name: v.name as string | undefined, unit: v.unit as string | undefined })),
        ...(df ? { dateFormat: df as DateFormat } : {}),
        ...(delim ? { delimiter: delim as ',' | ';' | '\t' } : {}),
        ...(dec ? { decimal: dec as DecimalMark } : {}),
        ...(freq && isFrequency(freq) ? { frequency: freq } : {}),
        ...(rs ? { realtimeStart: rs } : {}),
      };
    },
  },
};
