// The AWS SDK warns that its 2027 releases need Node 22; the runtime is pinned to a working SDK.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { SingleBar, Presets } from 'cli-progress';
import { parseCli } from './cli-args.js';
import { loadConfig } from './config.js';
import { describeJob, expectedSeries } from './jobs.js';
import { formatSummary, runJobs } from './run.js';
import { openTarget } from '../local/target.js';

async function main(): Promise<number> {
  const request = parseCli(process.argv.slice(2));
  const jobs = request.jobs ?? (await loadConfig(request.configPath!));
  const target = await openTarget({ ...request.target, root: process.cwd() });
  const started = Date.now();
  const total = jobs.reduce((n, j) => n + expectedSeries(j), 0);
  // A bar only where a person watches; logs and pipes get the summary alone.
  const bar = process.stdout.isTTY && total > 1 ? new SingleBar({ format: 'ingest [{bar}] {value}/{total} series | {id}', hideCursor: true }, Presets.shades_classic) : undefined;
  console.log(`Writing to ${target.description}; ${jobs.length} job(s): ${jobs.map(describeJob).join('; ')}`);
  bar?.start(total, 0, { id: '' });
  try {
    const summary = await runJobs(jobs, target.store, {
      onSeries: (o) => bar?.increment(1, { id: o.id }),
      onJobFailed: (job) => bar?.increment(expectedSeries(job)),
    });
    bar?.stop();
    console.log(formatSummary(summary, (Date.now() - started) / 1000));
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
