import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../api/local/server.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

export interface QueryOptions {
  /** The x-api-key header to send: the server's development key unless given; null sends none. */
  apiKey?: string | null;
  operationName?: string;
}

/** The whole local runtime (dynalite in memory, bundled data, the Lambda handler) on a random loopback port. */
export async function startApi(
  opts: LocalServerOptions = {},
): Promise<LocalServer & { query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLResponse<T>> }> {
  const server = await startLocalServer(opts);
  return {
    ...server,
    async query(query, variables, options = {}) {
      const apiKey = options.apiKey === undefined ? server.apiKey : options.apiKey;
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey === null ? {} : { 'x-api-key': apiKey }) },
        body: JSON.stringify({ query, variables, operationName: options.operationName }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}
