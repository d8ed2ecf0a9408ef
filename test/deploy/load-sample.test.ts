import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startTestStore } from '../../support/local-store.js';

// `npm run load-sample` is `tsx api/cli/load-sample.ts`; run as a user would, against a table reached
// as a deployed one is (endpoint and credentials from the environment).

const run = promisify(execFile);

describe('npm run load-sample', () => {
  it('loads the bundled dataset into a deployed-style table once', async () => {
    const t = await startTestStore('tide-sample');
    try {
      const env = { DYNAMODB_ENDPOINT: t.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' };
      const load = async () => (await run('npx', ['tsx', 'api/cli/load-sample.ts', '--table', 'tide-sample'], { env: { ...process.env, ...env } })).stdout;
      expect(await load()).toMatch(/^Loaded \d+ series \(\d+ values\) into DynamoDB table tide-sample\.$/m);
      expect(await load()).toMatch(/already in DynamoDB table tide-sample/);
      expect((await t.store.getMeta('RUT'))?.name).toBe('Russell 2000 Index');
    } finally {
      await t.close();
    }
  }, 120_000);
});
