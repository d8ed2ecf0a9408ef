import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isFrequency } from '../../series/periods.js';
import type { Transform } from '../../series/transform.js';
import type { Frequency } from '../../series/types.js';
import type { Connector } from '../connector.js';
import { parseConsensus, type ConsensusMapping } from './consensus-parser.js';

export type ConsensusJob = { kind: 'consensus'; file: string } & ConsensusMapping;

const EXPECTS: readonly Transform[] = ['LEVEL', 'YOY', 'PCT_CHANGE', 'ANNUALIZED', 'CHANGE'];

/** The file edge: errors name the file by its base name, not a machine path. */
async function readConsensus(job: ConsensusJob) {
  let bytes: Buffer;
  try {
    bytes = await readFile(job.file);
  } catch (e) {
    throw new Error(`consensus ${job.file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return [parseConsensus(bytes, basename(job.file), job)];
}

/** A consensus file (reference period, survey date, value) → one series of expectations, point in time. */
export const consensus: Connector<ConsensusJob> = {
  kind: 'consensus',
  check(job, needs) {
    needs('file', (v) => typeof v === 'string', 'a file path relative to the repository');
    needs('id', (v) => typeof v === 'string' && v.length > 0, 'the series id to store the consensus as');
    if (job.frequency !== undefined) needs('frequency', (v) => isFrequency(v as string), 'DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL');
    if (job.expects !== undefined) needs('expects', (v) => EXPECTS.includes(v as Transform), EXPECTS.join(', '));
  },
  describe: (job) => `consensus ${job.file} → ${job.id}`,
  expectedSeries: () => 1,
  fetch: (job) => readConsensus(job),
  readsLocalFile: () => true,
  command: {
    usage: [
      '  consensus <FILE> --id ID [--name TEXT] [--unit TEXT] [--frequency MONTHLY|QUARTERLY|...] [--expects LEVEL|YOY|...]',
      '      a consensus file (reference_period,survey_date,value): each value known from its survey date',
    ],
    options: { id: { type: 'string', multiple: true }, name: { type: 'string' }, unit: { type: 'string' }, frequency: { type: 'string' }, expects: { type: 'string' } },
    build({ values: v, fail, one }) {
      const file = one('file path');
      const ids = (v.id as string[] | undefined) ?? fail('consensus: --id is required (the series id to store the consensus as).');
      if (ids.length !== 1) fail('consensus: give one --id; a consensus file holds one series.');
      const freq = v.frequency as string | undefined;
      if (freq && !isFrequency(freq)) fail('consensus: --frequency must be DAILY, WEEKLY, MONTHLY, QUARTERLY or ANNUAL.');
      const expects = v.expects as string | undefined;
      if (expects && !EXPECTS.includes(expects as Transform)) fail(`consensus: --expects must be one of ${EXPECTS.join(', ')} (what the values forecast: YOY for a y/y change in percent).`);
      return {
        kind: 'consensus',
        file,
        id: ids[0],
        ...(v.name ? { name: v.name as string } : {}),
        ...(v.unit ? { unit: v.unit as string } : {}),
        ...(freq ? { frequency: freq as Frequency } : {}),
        ...(expects ? { expects: expects as Transform } : {}),
      };
    },
  },
};
