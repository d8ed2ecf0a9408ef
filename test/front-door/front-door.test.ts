// The front door: GET / and a browser's GET /graphql answer a page linking the manifest and the docs,
// with the IDE and the development key locally and a plain page on a deployed stage without the IDE.
// The README's example queries, which the page offers, must still be in the README and must run.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EXAMPLES, exampleQuery } from '../../api/front-door/examples.js';
import { DOC_PAGES, IDE_CONFIG_ELEMENT } from '../../api/front-door/page.js';
import { createGraphqlHandler } from '../../api/handlers/create-handler.js';
import { lambdaContext, toLambdaEvent } from '../../api/local/lambda-event.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api?.close());

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${api.url}${path}`, { headers });
const localhost = () => api.url.replace('127.0.0.1', 'localhost');

describe('the README examples the front door offers', () => {
  it('are each written in the README as they are here', () => {
    const readme = readFileSync('README.md', 'utf8').replaceAll('\\"', '"');
    for (const e of EXAMPLES) expect(readme, e.title).toContain(e.call);
  });

  it('each run without an error and return data', async () => {
    for (const e of EXAMPLES) {
      const res = await api.query(exampleQuery(e));
      expect(res.errors, e.title).toBeUndefined();
      const [value] = Object.values(res.data ?? {});
      expect(value, e.title).toBeTruthy();
    }
    const cpi = await api.query(exampleQuery(EXAMPLES[0]));
    expect(cpi.data.series.firstPrint.values).toEqual([313.049]); // the README's figures
    expect(cpi.data.series.latest.values).toEqual([313.044]);
  });
});

describe('locally', () => {
  it('GET / is the IDE page with the development key, linking the manifest and every doc page', async () => {
    const res = await fetch(`${localhost()}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toContain('<script src="/ide/ide.js"></script>');
    const config = JSON.parse(new RegExp(`id="${IDE_CONFIG_ELEMENT}">([^<]*)<`).exec(html)![1]);
    expect(config).toEqual({ endpoint: '/graphql', apiKey: api.apiKey });
    expect(html).toContain('href="/addin/manifest.xml"');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing from another host
    for (const d of DOC_PAGES) expect(html).toContain(`href="/docs/${d.file}"`);
  });

  it('every link on the page answers, the docs as readable text', async () => {
    const html = await (await get('/')).text();
    const links = [...html.matchAll(/href="(\/[^"]+)"/g)].map((m) => m[1]).filter((l) => !l.startsWith('/ide/'));
    expect(links.length).toBeGreaterThan(DOC_PAGES.length);
    for (const link of links) {
      const res = await get(link);
      // The manifest is built by the add-in build; a test run without it still has the route.
      if (link === '/addin/manifest.xml' && res.status === 404) continue;
      expect(res.status, link).toBe(200);
    }
    const doc = await get('/docs/series.md');
    expect(doc.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await doc.text()).toBe(readFileSync('docs/series.md', 'utf8'));
    expect((await get('/docs/..%2Fpackage.json')).status).toBe(404);
    expect((await get('/docs/README.md')).status).toBe(404);
  });

  it('a browser opening /graphql gets the page; a query still gets an answer', async () => {
    const page = await fetch(`${localhost()}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(api.apiKey);
    const res = await api.query('{ series(id: "RUT") { id } }');
    expect(res.data).toEqual({ series: { id: 'RUT' } });
  });

  it('keeps the development key out of a page asked for under another host name', async () => {
    // fetch will not send a Host of our choosing; node:http will, as a rebound DNS name would.
    const html = await new Promise<string>((resolve, reject) => {
      request(`${api.url}/`, { headers: { host: 'attacker.example' } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve(body));
      })
        .on('error', reject)
        .end();
    });
    expect(html).not.toContain(api.apiKey);
    expect(html).toContain('<script src="/ide/ide.js"></script>');
  });
});

describe('deployed', () => {
  const event = (path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 =>
    toLambdaEvent({ method: 'GET', url: path, headers: { host: 'abc123.execute-api.eu-west-1.amazonaws.com', ...headers }, body: Buffer.alloc(0), sourceIp: '203.0.113.9' });

  async function addinHandler(ide?: string) {
    if (ide) process.env.TIDE_IDE = ide;
    vi.resetModules();
    const { handler } = await import('../../api/handlers/addin.js');
    delete process.env.TIDE_IDE;
    return handler;
  }

  it('GET / (the graphql function, serverless.yml) is a plain page with the links and the examples, no IDE and no key, unless the stage enables the IDE', async () => {
    const graphqlHandler = (ide: boolean) => {
      const handler = createGraphqlHandler(api.store, { ide });
      return (e: APIGatewayProxyEventV2) => handler(e, lambdaContext(e.requestContext.requestId), () => undefined) as Promise<APIGatewayProxyStructuredResultV2>;
    };
    const plain = await graphqlHandler(false)(event('/'));
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toContain('href="/addin/manifest.xml"');
    expect(plain.body).toContain('curl -s https://abc123.execute-api.eu-west-1.amazonaws.com/graphql');
    expect(plain.body).toContain('cutProbabilities(meeting: &#34;2024-09-18&#34;');
    expect(plain.body).not.toContain('/ide/');
    expect((await (await addinHandler())(event('/ide/ide.js'))).statusCode).toBe(404);

    const withIde = await graphqlHandler(true)(event('/'));
    expect(withIde.body).toContain('<script src="/ide/ide.js"></script>');
    expect(withIde.body).toContain(`>{"endpoint":"/graphql"}<`);
    // the addin function, asked for / all the same, answers the same page (without the stale list it cannot read)
    expect((await (await addinHandler())(event('/'))).body).toContain('href="/addin/manifest.xml"');
  });

  it('the GraphQL function answers a browser with the page before asking for a key, and queries as before', async () => {
    const handler = createGraphqlHandler(api.store, {});
    const call = (e: APIGatewayProxyEventV2) => handler(e, lambdaContext(e.requestContext.requestId), () => undefined) as Promise<APIGatewayProxyStructuredResultV2>;
    const page = await call(event('/graphql', { accept: 'text/html' }));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/addin/manifest.xml"');
    expect(page.body).not.toContain('/ide/ide.js');
    const noKey = await call(event('/graphql?query=%7B__typename%7D', { accept: 'text/html', 'apollo-require-preflight': 'true' }));
    expect(noKey.statusCode).toBe(401);
  });
});
