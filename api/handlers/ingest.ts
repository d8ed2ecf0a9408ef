import config from '../../ingest.config.json' with { type: 'json' };
import { parseConfig } from '../ingest/config.js';
import { isFileJob } from '../ingest/jobs.js';
import { SeriesStore } from '../store/series-store.js';
import { createTable } from '../store/sdk-table.js';
import { runScheduled, type IngestResult } from './scheduled-run.js';

const table = createTable();

/**
 * The scheduled ingest (EventBridge): the CLI's `scheduled` run, minus the jobs that read local
 * files, which only exist where the CLI runs.
 */
export async function handler(): Promise<IngestResult> {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set; serverless.yml sets it to the stage table');
  const jobs = parseConfig(config).filter((job) => !isFileJob(job));
  return runScheduled(new SeriesStore({ table, tableName }), jobs, { stage: process.env.TIDE_STAGE ?? 'dev' });
}
