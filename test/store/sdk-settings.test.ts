import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDocumentClient } from '../../api/store/client.js';
import { collectNodeStream } from '../../api/store/node-stream-collector.js';
import { startTestStore } from '../../support/local-store.js';

// The Lambda handlers' client takes the SDK's settings from the environment alone: a Lambda function
// has no ~/.aws files, and looking for them cost every cold start. Checked against a real shared
// config file that says otherwise, so the test fails if the client ever reads it.

// The SDK takes node:fs/promises' readFile when it loads, so the spy goes in before any import.
const fileReads = await vi.hoisted(async () => {
  const fsp = (await import('node:fs/promises')).default;
  const paths: string[] = [];
  const readFile = fsp.readFile;
  fsp.readFile = ((path: Parameters<typeof readFile>[0], ...rest: unknown[]) => {
    paths.push(String(path));
    return (readFile as (...a: unknown[]) => unknown)(path, ...rest);
  }) as typeof readFile;
  return paths;
});

const SETTINGS = ['AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCOUNT_ID_ENDPOINT_MODE', 'AWS_RETRY_MODE', 'AWS_SDK_UA_APP_ID'] as const;

describe('the SDK settings of the deployed functions', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  let configFile: string;
  const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));
  beforeAll(async () => {
    t = await startTestStore('tide-sdk-settings');
    const dir = mkdtempSync(join(tmpdir(), 'tide-aws-config-'));
    configFile = join(dir, 'config');
    writeFileSync(configFile, '[default]\naccount_id_endpoint_mode = disabled\nretry_mode = adaptive\nsdk_ua_app_id = from-the-file\n');
    writeFileSync(join(dir, 'credentials'), '');
    process.env.AWS_CONFIG_FILE = configFile;
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  });
  afterEach(() => {
    for (const k of SETTINGS.slice(2)) delete process.env[k];
  });
  afterAll(async () => {
    for (const k of SETTINGS) if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
    await t.close();
    rmSync(dirname(configFile), { recursive: true, force: true });
  });

  const resolved = async (v: unknown) => (typeof v === 'function' ? await v() : v);
  const readsOf = async (sharedConfigFiles: boolean) => {
    fileReads.length = 0;
    const doc = createDocumentClient({ endpoint: t.endpoint, sharedConfigFiles });
    const got = await doc.send(new GetCommand({ TableName: 'tide-sdk-settings', Key: { pk: 'S#NONE', sk: 'META' } }));
    const config = doc.config;
    const settings = { accountIdMode: await resolved(config.accountIdEndpointMode), retryMode: await resolved(config.retryMode), appId: await config.userAgentAppId() };
    doc.destroy();
    return { got, settings, files: fileReads.filter((p) => p.startsWith(configFile.replace(/config$/, ''))) };
  };

  it('reads no shared config file, and answers with the SDK defaults', async () => {
    const { got, settings, files } = await readsOf(false);
    expect(got.Item).toBeUndefined();
    expect(files).toEqual([]);
    expect(settings).toEqual({ accountIdMode: 'preferred', retryMode: 'standard', appId: '' });
  });

  it('where the default client reads the file and takes its settings (so the test above can fail)', async () => {
    const { settings, files } = await readsOf(true);
    expect(files.length).toBeGreaterThan(0);
    expect(settings).toEqual({ accountIdMode: 'disabled', retryMode: 'adaptive', appId: 'from-the-file' });
  });

  it('still takes each setting from its environment variable', async () => {
    process.env.AWS_ACCOUNT_ID_ENDPOINT_MODE = 'required';
    process.env.AWS_RETRY_MODE = 'adaptive';
    process.env.AWS_SDK_UA_APP_ID = 'from-the-env';
    const { settings, files } = await readsOf(false);
    expect(files).toEqual([]);
    expect(settings).toEqual({ accountIdMode: 'required', retryMode: 'adaptive', appId: 'from-the-env' });
  });
});

describe('the response body collector', () => {
  it('gives the bytes of a Node stream in order, and fails with the stream', async () => {
    const body = new PassThrough();
    const bytes = collectNodeStream(body);
    body.write(Buffer.from('{"Item":'));
    body.end(Buffer.from('{}}'));
    expect(Buffer.from(await bytes).toString()).toBe('{"Item":{}}');
    const broken = new PassThrough();
    const failed = collectNodeStream(broken);
    broken.destroy(new Error('socket hang up'));
    await expect(failed).rejects.toThrow('socket hang up');
  });
});
