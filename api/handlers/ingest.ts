import { Logger } from '@aws-lambda-powertools/logger';
import config from '../../ingest.config.json' with { type: 'json' };
import { parseConfig } from '../ingest/config.js';
import { describeJob, isFileJob } from '../ingest/jobs.js';
import { runJobs } from '../ingest/run.js';
import { SeriesStore } from '../store/series-store.js';
import { createTable } from '../store/sdk-table.js';

const logger = new Logger({ serviceName: 'tide-ingest' });
const table = createTable();

/**
 * The scheduled ingest (EventBridge): the CLI's `scheduled` run, minus the jobs that read local
 * files, which only exist where the CLI runs. A failed job fails the invocation so it is alarmed.
 */
export async function handler(): Promise<{ seriesTouched: number; pointsAdded: number; vintagesAdded: number }> {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set; serverless.yml sets it to the stage table');
  const jobs = parseConfig(config).filter((job) => !isFileJob(job));
  const summary = await runJobs(jobs, new SeriesStore({ table, tableName }), {
    onJobFailed: (job, error) => logger.error('ingest job failed', { job: describeJob(job), error: error.message }),
  });
  logger.info('ingest finished', { seriesTouched: summary.seriesTouched, pointsAdded: summary.pointsAdded, vintagesAdded: summary.vintagesAdded, errors: summary.errors });
  if (summary.errors.length) throw new Error(`${summary.errors.length} ingest job(s) failed: ${summary.errors.map((e) => `${e.job}: ${e.message}`).join(' | ')}`);
  return { seriesTouched: summary.seriesTouched, pointsAdded: summary.pointsAdded, vintagesAdded: summary.vintagesAdded };
}
