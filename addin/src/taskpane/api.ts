// The task pane's GraphQL queries, through its own batching client.
import { BatchingClient } from '../client/batching-client.js';
import { answered, ask, askValue } from '../client/operation.js';
import type { FieldCall } from '../client/query.js';
import { PaneObservations, PaneSearch, type PaneSearchQuery } from '../generated/operations.js';

export type CatalogRow = NonNullable<PaneSearchQuery['searchSeries']>['nodes'][number];

export class PaneApi {
  constructor(readonly client: BatchingClient) {}

  private readonly fetch = <T>(call: FieldCall): Promise<T> => this.client.fetch<T>(call);

  async search(text: string): Promise<{ rows: CatalogRow[]; total: number }> {
    const r = await askValue(this.fetch, PaneSearch, { text: text || undefined, first: 50 });
    return { rows: r.nodes, total: r.totalCount };
  }

  async observations(id: string, from?: string, to?: string): Promise<{ dates: string[]; values: (number | null)[] }> {
    const series = await ask(this.fetch, PaneObservations, { id, from, to });
    if (!series) throw new Error(`Unknown series id "${id}"`);
    return answered(series.observations, 'observations');
  }
}
