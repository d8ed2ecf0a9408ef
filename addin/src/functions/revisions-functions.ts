// REVISIONS: every published value of one observation, oldest first, beside the day it was published.
import { optionalBool, requiredDate, requiredText } from '../shared/args.js';
import { resolveAsOf } from '../shared/as-of.js';
import { SeriesRevisions } from '../generated/operations.js';
import { answered, ask } from '../client/operation.js';
import { requireSeries, type Fetch } from './fetcher.js';
import { datedMatrix, type Matrix } from './matrix.js';

export async function revisionsMatrix(fetch: Fetch, rawId: unknown, rawDate: unknown, rawAsOf: unknown, rawHeaders: unknown): Promise<Matrix> {
  const id = requiredText('id', rawId);
  const date = requiredDate('date', rawDate);
  const asOf = resolveAsOf(rawAsOf);
  const headers = optionalBool('headers', rawHeaders, false);
  const published = answered(requireSeries(await ask(fetch, SeriesRevisions, { id, date, asOf }), id).revisions, 'revisions');
  return datedMatrix(
    { dates: published.map((r) => r.realtimeStart), columns: [published.map((r) => r.value)] },
    { headers, labels: ['Published', `${id} ${date}`], emptyMessage: `${id} has no published value for ${date}` },
  );
}
