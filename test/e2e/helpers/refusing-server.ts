// An HTTP server that refuses every request with 401, as an API behind a key check does; it
// answers CORS preflights so the browser lets the page see the status.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export async function startRefusingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, x-api-key',
      'access-control-allow-methods': 'POST, OPTIONS',
    };
    if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
    req.resume();
    res.writeHead(401, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Unauthorized' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
