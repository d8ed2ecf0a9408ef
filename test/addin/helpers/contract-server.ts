// A real HTTP GraphQL server on 127.0.0.1 executing the repository's schema with graphql-js over
// the July 2024 RUT closes: real queries, validation and error paths, with the request count,
// concurrency and API key under the test's control.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema, graphql, GraphQLError } from 'graphql';

export interface ContractServer {
  url: string;
  requests: { body: { query: string; variables: Record<string, unknown> }; apiKey?: string }[];
  maxInFlight: number;
  /** Answer HTTP 401 to everything while set. */
  requireKey?: string;
  /** How many more times series "FLAKY" fails as SERVICE_UNAVAILABLE (a throttled store) before answering like RUT. */
  flakyFailures: number;
  close(): Promise<void>;
}

export async function startContractServer(data: { dates: string[]; closes: number[] }): Promise<ContractServer> {
  const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
  const inRange = (from?: string, to?: string) => {
    const idx = data.dates.map((d, i) => i).filter((i) => (!from || data.dates[i] >= from) && (!to || data.dates[i] <= to));
    return { dates: idx.map((i) => data.dates[i]), values: idx.map((i) => data.closes[i]) };
  };
  const root = {
    series: ({ id }: { id: string }) => {
      if (id === 'FLAKY' && state.flakyFailures-- > 0) {
        throw new GraphQLError('The data store is busy', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      }
      return id !== 'RUT' && id !== 'FLAKY' ? null : { id, observations: ({ from, to }: { from?: string; to?: string }) => inRange(from, to) };
    },
    indicator: ({ name, inputs }: { name: string; inputs: string[] }) => {
      const unknown = inputs.find((i) => i !== 'RUT');
      if (unknown) throw new GraphQLError(`Unknown series "${unknown}"`, { extensions: { code: 'NOT_FOUND' } });
      return { name, inputs, ...inRange() };
    },
  };
  let inFlight = 0;
  const state: ContractServer = { url: '', requests: [], maxInFlight: 0, flakyFailures: 0, close: async () => undefined };
  const server: Server = createServer(async (req, res) => {
    inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, inFlight);
    try {
      const body = JSON.parse(await readBody(req));
      const apiKey = req.headers['x-api-key'] as string | undefined;
      state.requests.push({ body, apiKey });
      await new Promise((r) => setTimeout(r, 20)); // let concurrent requests overlap
      if (state.requireKey && apiKey !== state.requireKey) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'bad key' }] }));
        return;
      }
      const result = await graphql({ schema, source: body.query, variableValues: body.variables, rootValue: root });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  state.close = () => new Promise((r) => server.close(() => r()));
  return state;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
