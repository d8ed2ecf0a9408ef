// npm run migrate -- [--stage <stage> | --table <name>] [--region <region>]
// Moves every series stored one revision per restated value to rescales (docs/series.md, "Storage"),
// in place; every asOf answer stays the same. Safe to run again, and on a table being read.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { parseArgs } from 'node:util';
import { openTarget } from '../local/target.js';
import { migrateStore } from '../store/migrate-rescales.js';

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { stage: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } } });
  const target = await openTarget({ stage: values.stage, table: values.table, region: values.region });
  try {
    console.log(`Migrating ${target.description} to rescales`);
    const all = await migrateStore(target.store, (m) =>
      console.log(`${m.id}: ${m.outcome}${m.outcome === 'migrated' ? ` (${m.revisionsBefore} stored revisions → ${m.revisionsAfter} and ${m.rescales} rescale(s))` : ''}`),
    );
    const migrated = all.filter((m) => m.outcome === 'migrated');
    console.log(`${migrated.length} of ${all.length} series migrated; ${migrated.reduce((n, m) => n + m.revisionsBefore - m.revisionsAfter, 0)} stored revisions fewer.`);
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`migrate failed: ${err.message}`);
    process.exit(1);
  },
);
