// REVISIONS: every published value of one observation, oldest first, beside the day it was published.
import { optionalBool, requiredDate, requiredText } from '../shared/args.js';
import { resolveAsOf } from '../shared/as-of.js';
import { requireSeries, type Fetch } from './fetcher.js';
import { datedMatrix, type Matrix } from './matrix.js';

interface Published {
  value: number | null;
  realtimeStart: string;
}

export async function revisionsMatrix(fetch: Fetch, rawId: unknown, rawDate: unknown, rawAsOf: unknown, rawHeaders: unknown): Promise<Matrix> {
  const id = requiredText('id', rawId);
  const date = requiredDate('date', rawDate);
  const asOf = resolveAsOf(rawAsOf);
  const headers = optionalBool('headers', rawHeaders, false);
  const series = await fetch<{ revisions: Published[] } | null>({
    field: 'series',
    args: [
      { name: 'id', type: 'ID!', value: id },
      { name: 'date', type: 'Date!', value: date, in: 'selection' },
      { name: 'asOf', type: 'Date', value: asOf, in: 'selection' },
    ],
    selection: 'id revisions(date: $date, asOf: $asOf) { value realtimeStart }',
  });
  const published = requireSeries(series, id).revisions;
  return datedMatrix(
    { dates: published.map((r) => r.realtimeStart), columns: [published.map((r) => r.value)] },
    { headers, labels: ['Published', `${id} ${date}`], emptyMessage: `${id} has no published value for ${date}` },
  );
}
