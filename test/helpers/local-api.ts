import { startLocalServer, type LocalServer } from '../../api/local/server.js';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; argumentName?: string } }[];
}

/** The whole local runtime (dynalite in memory, bundled data, the Lambda handler) on a random loopback port. */
export async function startApi(): Promise<LocalServer & { query<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> }> {
  const server = await startLocalServer();
  return {
    ...server,
    async query(query, variables) {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}
