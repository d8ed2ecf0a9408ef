// The task pane's GraphQL queries, through its own batching client.
import { BatchingClient } from '../client/batching-client.js';
import type { FieldCall } from '../client/query.js';

export interface CatalogRow {
  id: string;
  name: string;
  unit: string;
  frequency: string;
  firstDate: string | null;
  lastDate: string | null;
  source: { name: string };
}

export class PaneApi {
  constructor(readonly client: BatchingClient) {}

  async search(text: string): Promise<{ rows: CatalogRow[]; total: number }> {
    const r = await this.client.fetch<{ nodes: CatalogRow[]; totalCount: number }>({
      field: 'searchSeries',
      args: [
        { name: 'text', type: 'String', value: text || undefined },
        { name: 'first', type: 'Int', value: 50 },
      ],
      selection: 'totalCount nodes { id name unit frequency firstDate lastDate source { name } }',
    });
    return { rows: r.nodes, total: r.totalCount };
  }

  async observations(id: string, from?: string, to?: string): Promise<{ dates: string[]; values: (number | null)[] }> {
    const call: FieldCall = {
      field: 'series',
      args: [
        { name: 'id', type: 'ID!', value: id },
        { name: 'from', type: 'Date', value: from, in: 'selection' },
        { name: 'to', type: 'Date', value: to, in: 'selection' },
      ],
      selection: 'observations(from: $from, to: $to) { dates values }',
    };
    const series = await this.client.fetch<{ observations: { dates: string[]; values: (number | null)[] } } | null>(call);
    if (!series) throw new Error(`Unknown series id "${id}"`);
    return series.observations;
  }
}
