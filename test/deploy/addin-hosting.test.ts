import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startApi } from '../helpers/local-api.js';

// The add-in's built files are served by the API's own origin: the `addin` Lambda when deployed,
// the local server under `npm start`. Both fill the manifest with the origin they are served from.

const MANIFEST = '<OfficeApp><SourceLocation DefaultValue="{{TIDE_ORIGIN}}/addin/taskpane.html"/><bt:Url id="JSON" DefaultValue="{{TIDE_ORIGIN}}/addin/functions.json"/></OfficeApp>';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tide-addin-'));
  await mkdir(join(root, 'addin', 'dist', 'assets'), { recursive: true });
  await writeFile(join(root, 'addin', 'dist', 'manifest.xml'), MANIFEST);
  await writeFile(join(root, 'addin', 'dist', 'assets', 'icon-32.png'), PNG);
  await writeFile(join(root, 'secret.txt'), 'outside the add-in folder');
  await symlink(resolve('data'), join(root, 'data'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function deployedHandler() {
  process.env.LAMBDA_TASK_ROOT = root;
  vi.resetModules();
  const { handler } = await import('../../api/handlers/addin.js');
  delete process.env.LAMBDA_TASK_ROOT;
  return (path: string) =>
    handler({ rawPath: path, requestContext: { domainName: 'abc123.execute-api.eu-west-1.amazonaws.com' } } as APIGatewayProxyEventV2) as Promise<APIGatewayProxyStructuredResultV2>;
}

describe('the addin Lambda', () => {
  it('serves the manifest pointing at the deployment it came from, uncached', async () => {
    const res = await (await deployedHandler())('/addin/manifest.xml');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(MANIFEST.replaceAll('{{TIDE_ORIGIN}}', 'https://abc123.execute-api.eu-west-1.amazonaws.com'));
    expect(res.headers).toMatchObject({ 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'no-cache' });
  });

  it('serves images base64-encoded, as API Gateway expects binary bodies', async () => {
    const res = await (await deployedHandler())('/addin/assets/icon-32.png');
    expect(res).toMatchObject({ statusCode: 200, isBase64Encoded: true, headers: { 'content-type': 'image/png' } });
    expect(Buffer.from(res.body!, 'base64')).toEqual(PNG);
  });

  it('serves nothing outside addin/dist', async () => {
    const serve = await deployedHandler();
    for (const path of ['/addin/../../secret.txt', '/addin/%2e%2e/%2e%2e/secret.txt', '/addin/..%2f..%2fsecret.txt']) {
      const res = await serve(path);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('outside');
    }
  });
});

describe('the local server', () => {
  it('serves the same manifest with its own origin, without an API key', async () => {
    const api = await startApi({ root });
    try {
      const res = await fetch(`${api.url}/addin/manifest.xml`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(MANIFEST.replaceAll('{{TIDE_ORIGIN}}', api.url));
    } finally {
      await api.close();
    }
  });
});
