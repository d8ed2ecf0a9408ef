import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTable } from '../../api/store/sdk-table.js';

// DynamoDB's answers replayed from a local HTTP server, in the format DynamoDB sends them, read by the
// AWS SDK's client as Tide configures it (retries, timeouts, errors the rest of Tide classifies). The
// ResourceNotFoundException answer is the example in AWS's "Error handling with DynamoDB" (DynamoDB
// Developer Guide: error components); the others follow the same format with the error types AWS's
// DynamoDB API reference and common-errors pages list (service errors under
// com.amazonaws.dynamodb.v20120810#, front-end ones under com.amazon.coral.*#).

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let endpoint: string;
let answers: Answer[] = [];
let seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const answer = answers.shift() ?? { status: 200, body: '{}' };
      res.writeHead(answer.status, { 'content-type': 'application/x-amz-json-1.0', ...answer.headers });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
beforeEach(() => {
  answers = [];
  seen = [];
});

const json = (status: number, type: string, message: string, headers: Record<string, string> = {}): Answer => ({ status, headers, body: JSON.stringify({ __type: type, message }) });
const get = (opts: Parameters<typeof createTable>[0] = {}) => {
  const table = createTable({ endpoint, ...opts });
  return table.get({ TableName: 'tide', Key: { pk: 'S#RUT', sk: 'META' } }).finally(() => table.destroy());
};
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: Error & { $metadata?: { httpStatusCode: number; requestId?: string }; $fault?: string }) => e,
  );

describe("DynamoDB's answers", () => {
  it('sends a signed POST of the JSON protocol and reads the item', async () => {
    answers = [{ status: 200, body: JSON.stringify({ Item: { pk: { S: 'S#RUT' }, sk: { S: 'META' }, n: { N: '2.5' }, bin: { B: 'AAH/' }, tags: { SS: ['a'] } } }) }];
    const table = createTable({ endpoint, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' } });
    const out = await table.get({ TableName: 'tide', Key: { pk: 'S#RUT', sk: 'META' }, ConsistentRead: true });
    table.destroy();
    expect(out.Item).toEqual({ pk: 'S#RUT', sk: 'META', n: 2.5, bin: new Uint8Array([0, 1, 255]), tags: new Set(['a']) });
    const [request] = seen;
    expect([request.method, request.url]).toEqual(['POST', '/']);
    expect(request.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(request.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(request.headers['x-amz-security-token']).toBe('session');
    expect(request.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=[a-z0-9;-]*content-type;[a-z0-9;-]*x-amz-target[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(JSON.parse(request.body)).toEqual({ TableName: 'tide', Key: { pk: { S: 'S#RUT' }, sk: { S: 'META' } }, ConsistentRead: true });
  });

  it("the Developer Guide's ResourceNotFoundException: named, with its message and request id, not retried", async () => {
    answers = [
      {
        status: 400,
        // The guide's Date (2012) is left out: the SDK would take it for a skewed clock and retry.
        headers: { 'x-amzn-RequestId': 'LDM6CJP8RMQ1FHKSC1RBVJFPNVV4KQNSO5AEMF66Q9ASUAAJG' },
        body: '{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException",\n"message":"Requested resource not found: Table: tablename not found"}',
      },
    ];
    const error = await failure(get());
    expect(error).toMatchObject({ name: 'ResourceNotFoundException', message: 'Requested resource not found: Table: tablename not found', $fault: 'client' });
    expect(error?.$metadata).toMatchObject({ httpStatusCode: 400, requestId: 'LDM6CJP8RMQ1FHKSC1RBVJFPNVV4KQNSO5AEMF66Q9ASUAAJG', attempts: 1 });
    expect(seen).toHaveLength(1);
  });

  it('throttling, by either name, is retried until it passes', { timeout: 20_000 }, async () => {
    answers = [
      json(
        400,
        'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      ),
      json(400, 'com.amazon.coral.availability#ThrottlingException', 'Rate of requests exceeds the allowed throughput.'),
      { status: 200, body: '{"Item":{"pk":{"S":"S#RUT"}}}' },
    ];
    expect(await get()).toEqual({ Item: { pk: 'S#RUT' } });
    expect(seen).toHaveLength(3);
  });

  it("a load balancer's 503 page is retried, then reported with its status (what the GraphQL layer reads as transient)", async () => {
    const page = { status: 503, headers: { 'content-type': 'text/html' }, body: '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>' };
    answers = [page, page];
    const error = await failure(get({ maxAttempts: 2 }));
    expect(error).toMatchObject({ $metadata: { httpStatusCode: 503, attempts: 2 } });
    expect(error?.message).toMatch(/Deserialization error/);
    expect(seen).toHaveLength(2);
  });

  it('an internal failure is retried; a rejected key is not', async () => {
    answers = [json(500, 'com.amazon.coral.service#InternalFailure', ''), { status: 200, body: '{}' }];
    expect(await get()).toEqual({ Item: undefined });
    expect(seen).toHaveLength(2);
    seen = [];
    answers = [json(400, 'com.amazon.coral.service#UnrecognizedClientException', 'The security token included in the request is invalid.')];
    expect(await failure(get())).toMatchObject({ name: 'UnrecognizedClientException', message: 'The security token included in the request is invalid.' });
    expect(seen).toHaveLength(1);
  });

  it('an answer cut short is an error, not a crash and not an empty item', async () => {
    answers = [{ status: 200, body: '{"Item":{"pk":{"S":"S#R' }];
    const error = await failure(get());
    expect(error).toMatchObject({ name: 'SyntaxError', $metadata: { httpStatusCode: 200 } });
    expect(error?.message).toMatch(/Deserialization error/);
  });

  it('JSON of another shape is an error too: a list that is not one, a value of no known type', async () => {
    const table = createTable({ endpoint });
    answers = [
      { status: 200, body: '{"Items":{"pk":{"S":"a"}}}' },
      { status: 200, body: '{"Item":{"pk":{"Q":"a"}}}' },
    ];
    const query = await failure(table.query({ TableName: 'tide', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'a' } }));
    const get = await failure(table.get({ TableName: 'tide', Key: { pk: 'a', sk: 'b' } }));
    table.destroy();
    expect(query).toMatchObject({ message: expect.stringMatching(/Unsupported type passed/) });
    expect(get).toMatchObject({ message: 'Unsupported type passed: Q' });
  });

  it('a clock the service calls off is corrected from its Date header (the SDK reads it from every answer), and the call retried', async () => {
    const serverNow = new Date(Date.now() + 3_600_000);
    answers = [
      json(400, 'com.amazon.coral.service#InvalidSignatureException', 'Signature expired: 20260101T000000Z is now earlier than 20260101T010000Z (20260101T011500Z - 15 min.)', {
        Date: serverNow.toUTCString(),
      }),
      ...[1, 2].map(() => ({ status: 200, headers: { Date: serverNow.toUTCString() }, body: '{}' })),
    ];
    const table = createTable({ endpoint });
    await table.get({ TableName: 'tide', Key: { pk: 'a', sk: 'b' } });
    await table.get({ TableName: 'tide', Key: { pk: 'a', sk: 'b' } });
    table.destroy();
    const stamp = (s: Seen) => Date.parse(String(s.headers['x-amz-date']).replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
    expect(seen).toHaveLength(3);
    expect(Math.abs(stamp(seen[0]) - Date.now())).toBeLessThan(60_000);
    // the retry and every later call are signed at the service's time
    for (const s of seen.slice(1)) expect(Math.abs(stamp(s) - serverNow.getTime())).toBeLessThan(60_000);
  });
});
