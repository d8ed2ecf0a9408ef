// The AWS SDK warns that its 2027 releases need Node 22; the runtime is pinned to a working SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { SingleBar, Presets } from 'cli-progress';
import { loadBundled } from '../dataset/load-bundled.js';
import { bundledIds, readCatalog, refreshPlan, refreshReport, type RefreshPlan } from '../dataset/refresh.js';
import { freshnessLines } from '../dataset/freshness.js';
import { localPaths } from '../local/paths.js';
import { parseCli } from '../ingest/cli-args.js';
import { loadConfig } from '../ingest/config.js';
import { describeJob, expectedSeries, type Job } from '../ingest/jobs.js';
import { formatSummary, runJobs } from '../ingest/run.js';
import { openTarget } from '../local/target.js';
import { formatFreshnessTable, freshnessTable, utcDay } from '../services/freshness.js';
import { CheckRecords } from '../store/check-records.js';

/** `status`: the freshness table of every series in the target, as the API and the front page report it. */
async function status(target: Awaited<ReturnType<typeof openTarget>>): Promise<number> {
  try {
    const metas = await target.store.listMeta();
    const rows = await freshnessTable(metas, new CheckRecords(target.store.table, target.store.tableName), utcDay(new Date()));
    console.log(`Freshness of the series in ${target.description} (today ${utcDay(new Date())}, UTC):\n`);
    console.log(formatFreshnessTable(rows));
    return 0;
  } finally {
    await target.close();
  }
}

async function main(): Promise<number> {
  const request = parseCli(process.argv.slice(2));
  if (request.command === 'status') return status(await openTarget(request.target));
  const catalog = request.command === 'refresh' ? await readCatalog(localPaths().bundledDataDir) : undefined;
  const plan: RefreshPlan | undefined = catalog ? refreshPlan(catalog) : undefined;
  const jobs: Job[] = plan ? plan.jobs.map((j) => j.job) : (request.jobs ?? (await loadConfig(request.configPath!)));
  const target = await openTarget(request.target);
  // a refresh starts from the bundled dataset, so a fresh store ends up with every bundled series
  if (plan) {
    const loaded = await loadBundled(target.store, localPaths().bundledDataDir).catch(async (e: Error) => {
      await target.close();
      throw e;
    });
    if (loaded.loaded) console.log(`Loaded the bundled dataset first: ${loaded.series} series, ${loaded.added} values.`);
  }
  const started = Date.now();
  const total = jobs.reduce((n, j) => n + expectedSeries(j), 0);
  // A bar only where a person watches; logs and pipes get the summary alone.
  const bar = process.stdout.isTTY && total > 1 ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} series | {id}', hideCursor: true }, Presets.shades_classic) : undefined;
  console.log(`Writing to ${target.description}; ${jobs.length} job(s): ${jobs.map(describeJob).join('; ')}`);
  bar?.start(total, 0, { id: '' });
  try {
    const summary = await runJobs(jobs, target.store, {
      checks: new CheckRecords(target.store.table, target.store.tableName),
      onSeries: (o) => bar?.increment(1, { id: o.id }),
      onJobFailed: (job) => bar?.increment(expectedSeries(job)),
    });
    bar?.stop();
    console.log(formatSummary(summary, (Date.now() - started) / 1000));
    if (plan && catalog) {
      // a refresh is done when every source it could reach was read; what it could not reach is reported, not fatal
      console.log(refreshReport(plan, summary, describeJob).join('\n'));
      const ids = bundledIds(catalog);
      const metas = new Map(await Promise.all(ids.map(async (id) => [id, await target.store.getMeta(id)] as const)));
      console.log(`Newest observation of each bundled series in ${target.description}:\n${freshnessLines(ids, metas, new Date().toISOString().slice(0, 10)).join('\n')}`);
      return 0;
    }
    return summary.errors.length ? 1 : 0;
  } finally {
    bar?.stop();
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`ingest failed: ${err.message}`);
    process.exit(2);
  },
);
