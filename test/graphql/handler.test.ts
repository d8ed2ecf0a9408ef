import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../../api/auth/key-store.js';
import { loadBundled } from '../../api/dataset/load-bundled.js';
import { createGraphqlHandler, type GraphqlHandler } from '../../api/handlers/create-handler.js';
import { lambdaContext } from '../../api/local/lambda-event.js';
import { startTestStore } from '../../support/local-store.js';
import { sourceColumn } from '../helpers/source-csv.js';

// A stored API Gateway HTTP API (payload 2.0) event, as Lambda receives it in AWS.
const recorded = JSON.parse(readFileSync('test/fixtures/apigw-v2-graphql-event.json', 'utf8')) as APIGatewayProxyEventV2;

let t: Awaited<ReturnType<typeof startTestStore>>;
let handler: GraphqlHandler;
let stored: APIGatewayProxyEventV2;
beforeAll(async () => {
  t = await startTestStore();
  await loadBundled(t.store, 'data');
  handler = createGraphqlHandler(t.store);
  // The stored event plus a key created in the table, as a caller of the deployed API sends it.
  const { key } = await new ApiKeyStore(t.store.table, t.store.tableName).create('handler test');
  stored = { ...recorded, headers: { ...recorded.headers, 'x-api-key': key } };
});
afterAll(() => t.close());

const invoke = async (event: APIGatewayProxyEventV2) => (await handler(event, lambdaContext('test-request'), () => undefined)) as APIGatewayProxyStructuredResultV2;

describe('graphql Lambda handler with an API Gateway v2 event', () => {
  it('answers 200 with JSON carrying the closes of the source file', async () => {
    const result = await invoke(stored);
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(result.body!);
    const expected = sourceColumn('rut_daily_yahoo.csv', 'Close').filter(([d]) => d >= '2024-07-08' && d <= '2024-07-12');
    expect(body.data.series.observations).toEqual({ dates: expected.map(([d]) => d), values: expected.map(([, v]) => v) });
    expect(body.data.series.observations.values[0]).toBe(2038.6700439453125);
  });

  it('answers a GET query string too', async () => {
    const query = '{ series(id: "DGS2") { unit } }';
    const result = await invoke({
      ...stored,
      body: undefined,
      rawQueryString: `query=${encodeURIComponent(query)}`,
      queryStringParameters: { query },
      requestContext: { ...stored.requestContext, http: { ...stored.requestContext.http, method: 'GET' } },
      headers: { ...stored.headers, 'apollo-require-preflight': 'true' },
    });
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!).data.series.unit).toBe('Percent');
  });

  it('answers 400 with a GraphQL-shaped error for a body that is not JSON', async () => {
    const result = await invoke({ ...stored, body: '{"query": ' });
    expect(result.statusCode).toBe(400);
    expect(result.body).toMatch(/JSON|parse/i);
  });
});
