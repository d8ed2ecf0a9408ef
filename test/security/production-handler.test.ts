import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { lambdaContext } from '../../api/local/lambda-event.js';
import { startTestStore } from '../../support/local-store.js';

// The deployed entry point (api/handlers/graphql.ts), configured as serverless.yml configures the
// prod stage (test/deploy/template.test.ts checks those values in the template), over dynalite.

const recorded = JSON.parse(readFileSync('test/fixtures/apigw-v2-graphql-event.json', 'utf8')) as APIGatewayProxyEventV2;
let t: Awaited<ReturnType<typeof startTestStore>>;
let key: string;
const saved = { ...process.env };

async function loadHandler(env: Record<string, string>) {
  Object.assign(process.env, { TABLE_NAME: 'tide-prod', DYNAMODB_ENDPOINT: t.endpoint }, env);
  vi.resetModules();
  const { handler } = await import('../../api/handlers/graphql.js');
  return async (query: string, headers: Record<string, string> = { 'x-api-key': key }) => {
    const result = (await handler(
      { ...recorded, headers: { ...recorded.headers, ...headers }, body: JSON.stringify({ query }) },
      lambdaContext('prod-test'),
      () => undefined,
    )) as APIGatewayProxyStructuredResultV2;
    return { status: result.statusCode, ...JSON.parse(result.body!) };
  };
}

beforeAll(async () => {
  t = await startTestStore('tide-prod');
  await loadBundled(t.store, 'data');
  ({ key } = await new ApiKeyStore(t.store.table, 'tide-prod').create('prod test'));
});
afterAll(async () => {
  process.env = saved;
  await t.close();
});

describe('the graphql handler as deployed on prod', () => {
  it('refuses introspection when TIDE_INTROSPECTION is false, and still answers queries', async () => {
    const query = await loadHandler({ TIDE_INTROSPECTION: 'false', TIDE_MAX_DEPTH: '8' });
    const res = await query('{ __schema { types { name } } }');
    expect(res.status).toBe(400);
    expect(res.errors[0]).toMatchObject({ message: expect.stringMatching(/introspection is not allowed/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect((await query('{ __type(name: "Series") { name } }')).status).toBe(400);
    expect(await query('{ series(id: "DGS2") { unit } }')).toEqual({ status: 200, data: { series: { unit: 'Percent' } } });
  });

  it('keeps introspection off when the variable is missing (off unless a stage turns it on)', async () => {
    delete process.env.TIDE_INTROSPECTION;
    const query = await loadHandler({});
    expect((await query('{ __schema { queryType { name } } }')).status).toBe(400);
    const on = await loadHandler({ TIDE_INTROSPECTION: 'true' });
    expect(await on('{ __schema { queryType { name } } }')).toEqual({ status: 200, data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('requires a key like the local runtime', async () => {
    const query = await loadHandler({ TIDE_INTROSPECTION: 'false' });
    const res = await query('{ series(id: "DGS2") { unit } }', {});
    expect(res).toEqual({ status: 401, errors: [{ message: expect.stringMatching(/x-api-key/), extensions: { code: 'UNAUTHENTICATED' } }] });
  });
});
