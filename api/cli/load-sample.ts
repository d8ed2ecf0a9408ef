// npm run load-sample -- [--stage <stage> | --table <name>] [--region <region>]: loads the bundled
// dataset (data/) into a table, e.g. a freshly deployed one, so it answers queries before any ingest.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { parseArgs } from 'node:util';
import { localPaths } from '../local/paths.js';
import { openTarget } from '../local/target.js';
import { loadBundled } from '../dataset/load-bundled.js';

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } } });
  const target = await openTarget({ stage: values.stage, table: values.table, region: values.region });
  try {
    const result = await loadBundled(target.store, localPaths().bundledDataDir);
    console.log(result.loaded ? `Loaded ${result.series} series (${result.added} values) into ${target.description}.` : `The bundled dataset is already in ${target.description}.`);
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`load-sample: ${err.message}`);
  process.exit(1);
});
