import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { itemSize } from './item-size.js';
import { PartitionMeter, readUnits, writeUnits } from './partition-meter.js';

type Wire = Record<string, any>;

/** The partition a request touches: its hash key value, or the index partition for a GSI query. */
function partitionOf(op: string, body: Wire): string {
  if (op === 'GetItem' || op === 'PutItem' || op === 'UpdateItem' || op === 'DeleteItem') return String((body.Key ?? body.Item)?.pk?.S ?? '?');
  if (op === 'Query') {
    const m = /(\w+)\s*=\s*(:\w+)/.exec(String(body.KeyConditionExpression ?? ''));
    const value = m ? body.ExpressionAttributeValues?.[m[2]]?.S : undefined;
    return `${body.IndexName ? `${body.IndexName}:` : ''}${value ?? '?'}`;
  }
  return '?';
}

/**
 * A loopback proxy between the AWS SDK and dynalite that meters real requests against DynamoDB's
 * per-partition limits (PartitionMeter, wall clock) and answers ProvisionedThroughputExceededException
 * when a partition is over, as DynamoDB does. Writes are metered from the request before they are
 * forwarded; reads from the items actually returned.
 */
export async function startThroughputProxy(target: string, meter = new PartitionMeter()) {
  const upstream = new URL(target);
  const throttle = (res: import('node:http').ServerResponse) => {
    res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'throughput-proxy' });
    res.end(
      JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'The level of configured provisioned throughput for the table was exceeded.' }),
    );
  };
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const op = String(req.headers['x-amz-target'] ?? '').split('.')[1] ?? '';
      const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Wire) : {};
      if (op === 'BatchWriteItem') {
        const puts = Object.values(body.RequestItems ?? {}).flat() as Wire[];
        for (const p of puts) {
          const item = p.PutRequest?.Item ?? p.DeleteRequest?.Key ?? {};
          if (!meter.consume(String(item.pk?.S ?? '?'), 'write', writeUnits(itemSize(item)), Date.now())) return throttle(res);
        }
      } else if (op === 'PutItem' || op === 'UpdateItem') {
        if (!meter.consume(partitionOf(op, body), 'write', writeUnits(op === 'PutItem' ? itemSize(body.Item) : raw.length), Date.now())) return throttle(res);
      }
      const up = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } }, (upRes) => {
        const out: Buffer[] = [];
        upRes.on('data', (c: Buffer) => out.push(c));
        upRes.on('end', () => {
          const payload = Buffer.concat(out);
          if (upRes.statusCode === 200 && (op === 'GetItem' || op === 'Query')) {
            const answer = JSON.parse(payload.toString('utf8')) as Wire;
            const bytes = op === 'GetItem' ? (answer.Item ? itemSize(answer.Item) : 0) : ((answer.Items ?? []) as Wire[]).reduce((n, i) => n + itemSize(i), 0);
            if (!meter.consume(partitionOf(op, body), 'read', readUnits(bytes, body.ConsistentRead === true), Date.now())) return throttle(res);
          }
          res.writeHead(upRes.statusCode ?? 500, upRes.headers);
          res.end(payload);
        });
      });
      up.on('error', () => res.destroy());
      up.end(raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    meter,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
