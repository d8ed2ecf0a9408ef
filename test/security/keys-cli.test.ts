import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStore } from '../../support/local-store.js';
import { startApi } from '../helpers/local-api.js';

// `npm run keys -- ...` is `tsx api/cli/keys.ts ...`; run as a user would, in a child process.

const run = promisify(execFile);
async function keys(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'api/cli/keys.ts', ...args], { env: { ...process.env, ...env } });
    return { code: 0, out: stdout, err: stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout, err: err.stderr };
  }
}
const keyIn = (out: string): string => out.match(/^tide_[A-Za-z0-9_-]{43}$/m)![0];
const idIn = (out: string): string => out.match(/Created key ([0-9a-f]{12})/)![1];

describe('npm run keys against a deployed table (--table, credentials and endpoint from the environment)', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => {
    t = await startTestStore('tide-cli');
  });
  afterAll(() => t.close());
  const env = () => ({ DYNAMODB_ENDPOINT: t.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1' });

  it('creates a key shown once, lists it, revokes it by id', async () => {
    const created = await keys(['create', '--name', 'notebook', '--table', 'tide-cli'], env());
    expect(created.code).toBe(0);
    const key = keyIn(created.out);
    const id = idIn(created.out);
    expect(created.out).toMatch(/only its SHA-256 is stored/);

    const listed = await keys(['list', '--table', 'tide-cli'], env());
    expect(listed.out).toMatch(new RegExp(`^${id}  \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  active  notebook$`, 'm'));
    expect(listed.out).not.toContain(key);

    const revoked = await keys(['revoke', id, '--table', 'tide-cli'], env());
    expect(revoked.out).toMatch(new RegExp(`Key ${id} \\("notebook"\\) revoked at `));
    expect((await keys(['list', '--table', 'tide-cli'], env())).out).toMatch(new RegExp(`^${id}  \\S+  revoked \\S+  notebook$`, 'm'));
  }, 60_000);

  it('says what is wrong: an unknown id, a missing id, an unknown command, a table that does not exist', async () => {
    expect(await keys(['revoke', 'abcdef123456', '--table', 'tide-cli'], env())).toMatchObject({
      code: 1,
      err: expect.stringMatching(/no key with id "abcdef123456" in DynamoDB table tide-cli; `npm run keys -- list` shows the ids/),
    });
    expect(await keys(['revoke', '--table', 'tide-cli'], env())).toMatchObject({ code: 1, err: expect.stringMatching(/revoke needs exactly one key id/) });
    expect(await keys(['rotate'], env())).toMatchObject({ code: 1, err: expect.stringMatching(/unknown command "rotate"\nUsage: npm run keys/) });
    expect(await keys(['list', '--stage', 'nosuch'], env())).toMatchObject({ code: 1, err: expect.stringMatching(/DynamoDB table tide-nosuch does not exist; check --stage\/--table, the region/) });
  }, 60_000);
});

describe('npm run keys against the local runtime', () => {
  it('while npm start runs, writes to its table (found through <data>/endpoint) and the key works at once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tide-keys-'));
    const api = await startApi({ dataDir });
    try {
      expect((await readFile(join(dataDir, 'endpoint'), 'utf8')).trim()).toBe(api.endpoint);
      const created = await keys(['create', '--name', 'excel'], { TIDE_DATA_DIR: dataDir });
      expect(created.out).toContain(`running local server (${api.endpoint})`);
      const res = await api.query('{ series(id: "QQQ") { id } }', undefined, { apiKey: keyIn(created.out) });
      expect(res).toEqual({ status: 200, data: { series: { id: 'QQQ' } } });
      expect((await keys(['list'], { TIDE_DATA_DIR: dataDir })).out).toMatch(/active  development\n.*active  excel/);
    } finally {
      await api.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('with nothing running, opens the data folder itself, and npm start then accepts the key', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tide-keys-'));
    try {
      const created = await keys(['create', '--name', 'offline'], { TIDE_DATA_DIR: dataDir });
      expect(created.out).toMatch(/^Created key [0-9a-f]{12} \("offline"\) in local store/m);
      const api = await startApi({ dataDir });
      try {
        expect((await api.query('{ series(id: "QQQ") { id } }', undefined, { apiKey: keyIn(created.out) })).status).toBe(200);
        // The development key is kept in the data folder, so it survives restarts.
        expect((await readFile(join(dataDir, 'dev-api-key'), 'utf8')).trim()).toBe(api.apiKey);
      } finally {
        await api.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
