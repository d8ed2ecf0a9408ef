import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What to do with one request whose DynamoDB operation matches. */
export type Fault =
  | { kind: 'throttle' } // 400 ProvisionedThroughputExceededException, as DynamoDB sends it
  | { kind: 'server-error' } // 500 InternalServerError
  | { kind: 'hang'; ms: number } // answer only after ms: longer than the client's timeout
  | { kind: 'partial-batch' } // forward the first put of a BatchWriteItem, hand the rest back as UnprocessedItems
  | { kind: 'status'; status: number; type?: string } // any HTTP status, with DynamoDB's JSON error of `type` (none: an empty body, as a load balancer answers)
  | { kind: 'reset' }; // close the connection without answering: the client sees ECONNRESET

interface Plan {
  operation: string; // e.g. 'Query', 'BatchWriteItem'; '*' matches every operation
  fault: Fault;
  times: number; // Infinity = until cleared
}

/**
 * A loopback HTTP proxy between the AWS SDK and dynalite that injects DynamoDB's real failure modes
 * into real requests, so retries and error handling are tested over the wire, not with mocks.
 */
export async function startFaultProxy(target: string) {
  const plans: Plan[] = [];
  const seen: Record<string, number> = {};
  const injected: Record<string, number> = {};
  const upstream = new URL(target);

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, rewrite?: (b: Buffer) => Buffer, after?: (payload: string) => string) => {
    const sent = rewrite ? rewrite(body) : body;
    const headers = { ...req.headers, 'content-length': String(sent.length), host: upstream.host };
    const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers }, (upRes) => {
      const chunks: Buffer[] = [];
      upRes.on('data', (c: Buffer) => chunks.push(c));
      upRes.on('end', () => {
        let payload = Buffer.concat(chunks).toString('utf8');
        if (after) payload = after(payload);
        const out: Record<string, string | string[] | undefined> = { ...upRes.headers, 'content-length': String(Buffer.byteLength(payload)) };
        delete out['x-amz-crc32']; // the body may have been rewritten
        res.writeHead(upRes.statusCode ?? 500, out);
        res.end(payload);
      });
    });
    up.on('error', () => res.destroy());
    up.end(sent);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const operation = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      seen[operation] = (seen[operation] ?? 0) + 1;
      const plan = plans.find((p) => (p.operation === operation || p.operation === '*') && p.times > 0);
      if (!plan) return forward(req, body, res);
      plan.times -= 1;
      injected[operation] = (injected[operation] ?? 0) + 1;
      const fault = plan.fault;
      const json = (status: number, type: string, message: string) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'fault-proxy' });
        res.end(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }));
      };
      if (fault.kind === 'throttle') return json(400, 'ProvisionedThroughputExceededException', 'The level of configured provisioned throughput for the table was exceeded.');
      if (fault.kind === 'server-error') return json(500, 'InternalServerError', 'Internal server error');
      if (fault.kind === 'status' && fault.type) return json(fault.status, fault.type, `${fault.type} (injected)`);
      if (fault.kind === 'status') return void res.writeHead(fault.status, { 'content-length': '0' }).end();
      if (fault.kind === 'reset') return void req.socket.destroy();
      if (fault.kind === 'hang') return void setTimeout(() => forward(req, body, res), fault.ms);
      let held: unknown[] = [];
      let table = '';
      forward(
        req,
        body,
        res,
        (b) => {
          const input = JSON.parse(b.toString('utf8')) as { RequestItems: Record<string, unknown[]> };
          [table, held] = [Object.keys(input.RequestItems)[0], Object.values(input.RequestItems)[0].slice(1)];
          return Buffer.from(JSON.stringify({ ...input, RequestItems: { [table]: Object.values(input.RequestItems)[0].slice(0, 1) } }));
        },
        (payload) => JSON.stringify({ ...JSON.parse(payload), UnprocessedItems: held.length ? { [table]: held } : {} }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    inject(operation: string, fault: Fault, times = 1) {
      plans.push({ operation, fault, times });
    },
    clear() {
      plans.length = 0;
    },
    seen,
    injected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
