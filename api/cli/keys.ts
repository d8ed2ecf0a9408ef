// npm run keys -- create [--name <name>] | list | revoke <key id>   [--stage <stage> | --table <name>] [--region <region>]
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { parseArgs } from 'node:util';
import { ApiKeyStore } from '../auth/key-store.js';
import { openTarget } from '../local/target.js';

const USAGE = `Usage: npm run keys -- <command> [options]
  create [--name <name>]   make a key; it is shown once, only its hash is stored
  list                     every key: id, name, created, revoked
  revoke <key id>          refuse a key from now on (deployed containers within a minute)
Options: --stage <stage> or --table <table> for a deployed table (AWS credentials required), --region <region>.
Without them: the table of a running \`npm start\`, else the local data folder (.data, or TIDE_DATA_DIR).`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, stage: { type: 'string' }, table: { type: 'string' }, region: { type: 'string' } },
  });
  const [command, ...rest] = positionals;
  if (!command || !['create', 'list', 'revoke'].includes(command)) throw new Error(`${command ? `unknown command "${command}"` : 'no command given'}\n${USAGE}`);
  if (command === 'revoke' && rest.length !== 1) throw new Error('revoke needs exactly one key id (the first column of `npm run keys -- list`)');

  const target = await openTarget({ stage: values.stage, table: values.table, region: values.region });
  try {
    const keys = new ApiKeyStore(target.store.table, target.store.tableName);
    if (command === 'create') {
      const { key, record } = await keys.create(values.name ?? 'unnamed');
      console.log(`Created key ${record.keyId} ("${record.name}") in ${target.description}.`);
      console.log(`Key (shown once; only its SHA-256 is stored, send it as the x-api-key header):\n${key}`);
    } else if (command === 'list') {
      const all = await keys.list();
      if (!all.length) console.log(`No keys in ${target.description}.`);
      for (const k of all) console.log([k.keyId, k.created, k.revoked ? `revoked ${k.revoked}` : 'active', k.name].join('  '));
    } else {
      const record = await keys.revoke(rest[0]);
      if (!record) throw new Error(`no key with id "${rest[0]}" in ${target.description}; \`npm run keys -- list\` shows the ids`);
      console.log(`Key ${record.keyId} ("${record.name}") revoked at ${record.revoked}.`);
    }
  } catch (err) {
    if ((err as Error).name !== 'ResourceNotFoundException') throw err;
    throw new Error(`${target.description} does not exist; check --stage/--table, the region (--region or AWS_REGION) and that the stack is deployed`);
  } finally {
    await target.close();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(`keys: ${err.message}`);
  process.exit(1);
});
