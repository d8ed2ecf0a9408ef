// One build serves every stage: the manifest in addin/dist names no machine, and the addin Lambda
// fills in the origin of each request. Here with the real build and a full API Gateway (HTTP API v2)
// event for a made-up custom domain; the manifest it serves passes Microsoft's schema, offline.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convert } from 'office-addin-manifest-converter';
import { validateManifest } from 'office-addin-manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST } from '../../addin/scripts/build.js';
import { ORIGIN_PLACEHOLDER } from '../../api/addin-hosting/addin-origin.js';
import { builtManifest } from '../../api/addin-hosting/serve-addin.js';
import { manifestXml } from '../../addin/scripts/manifest-xml.js';
import { handler } from '../../api/handlers/addin.js';
import { ensureAddinBuilt } from '../../support/addin/ensure-built.js';
import template from '../fixtures/apigw-v2-graphql-event.json' with { type: 'json' };

const DOMAIN = 'excel.tide-made-up-example.net';
const tmp = mkdtempSync(join(tmpdir(), 'tide-served-manifest-'));

/** GET `path` as API Gateway hands it to the addin function for a request to `domain`. */
function event(domain: string, path: string): APIGatewayProxyEventV2 {
  return {
    ...template,
    routeKey: 'GET /addin/{proxy+}',
    rawPath: path,
    headers: { ...template.headers, host: domain, accept: '*/*', 'content-length': '0' },
    requestContext: {
      ...template.requestContext,
      domainName: domain,
      domainPrefix: domain.split('.')[0],
      routeKey: 'GET /addin/{proxy+}',
      http: { ...template.requestContext.http, method: 'GET', path },
    },
    pathParameters: { proxy: path.replace('/addin/', '') },
    body: undefined,
  } as APIGatewayProxyEventV2;
}

const serve = (domain: string, path: string) => handler(event(domain, path)) as Promise<APIGatewayProxyStructuredResultV2>;

beforeAll(() => ensureAddinBuilt(), 60_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the built manifest', () => {
  it('names no machine: every URL starts with the origin placeholder', () => {
    const xml = readFileSync(join(DIST, 'manifest.xml'), 'utf8');
    expect(xml).not.toMatch(/localhost|127\.0\.0\.1/);
    const urls = [...xml.matchAll(/DefaultValue="([^"]*\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith(`${ORIGIN_PLACEHOLDER}/addin/`), u).toBe(true);
  });
});

describe('the addin Lambda for a request to a made-up domain', () => {
  it("serves the manifest with that domain's https URLs, each naming a file it serves", async () => {
    const res = await serve(DOMAIN, '/addin/manifest.xml');
    expect(res.statusCode).toBe(200);
    const xml = res.body!;
    expect(xml).not.toContain(ORIGIN_PLACEHOLDER);
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`<AppDomain>https://${DOMAIN}</AppDomain>`);
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) {
      expect(u.startsWith(`https://${DOMAIN}/addin/`), u).toBe(true);
      const file = await serve(DOMAIN, new URL(u).pathname);
      expect(file.statusCode, u).toBe(200);
    }
  });

  it('another domain gets its own URLs from the same build', async () => {
    const other = await serve('abc123.execute-api.eu-west-1.amazonaws.com', '/addin/manifest.xml');
    expect(other.body).toContain('DefaultValue="https://abc123.execute-api.eu-west-1.amazonaws.com/addin/taskpane.html"');
    expect(other.body).not.toContain(DOMAIN);
  });

  it('the served manifest passes the unified-manifest schema (converted, validated offline)', async () => {
    const xmlPath = join(tmp, 'manifest.xml');
    writeFileSync(xmlPath, (await serve(DOMAIN, '/addin/manifest.xml')).body!);
    await convert(xmlPath, join(tmp, 'json'), false);
    const validation = await validateManifest(join(tmp, 'json', 'manifest.json'));
    expect(validation.report?.errors ?? []).toEqual([]);
    expect(validation.isValid).toBe(true);
    expect(JSON.parse(readFileSync(join(tmp, 'json', 'manifest.json'), 'utf8')).validDomains).toEqual([`https://${DOMAIN}`]);
  });
});

describe('the manifest npm start writes for its https origin', () => {
  it('is the built one with that origin put in: the same text the build script renders for that URL', async () => {
    const origin = 'https://localhost:3000';
    const written = await builtManifest(DIST, origin);
    expect(written).toBe(manifestXml(`${origin}/addin`));
    expect(await builtManifest(join(tmp, 'no-build-here'), origin)).toBeUndefined();
  });
});
