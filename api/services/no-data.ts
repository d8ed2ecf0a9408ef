// The one rule for "nothing to answer with", shared by observations, latest, indicator,
// positioning and cutProbabilities: a range without a single value, or an asOf before the earliest
// vintage the store holds, is a NO_DATA error that names what there is, never a silent empty answer.
import { noData } from '../errors/domain-error.js';
import { isPresent } from '../indicators/columns.js';
import type { Columns, SeriesMeta } from '../series/types.js';

/** The earliest date on which anything of the series was published, as far as the store knows. */
export const earliestVintage = (meta: Pick<SeriesMeta, 'firstVintage'>): string | undefined => meta.firstVintage;

/** Throws when nothing of `meta` had been published by `asOf`. */
export function requirePublishedBy(meta: SeriesMeta, asOf: string | null | undefined): void {
  if (!asOf) return;
  const earliest = earliestVintage(meta);
  if (earliest && asOf >= earliest) return;
  throw noData(`Nothing of ${meta.id} had been published by asOf ${asOf}; the earliest vintage held is ${earliest ?? 'none'}. Pass an asOf on or after it`, {
    seriesId: meta.id,
    asOf,
    earliestVintage: earliest ?? null,
    argumentName: 'asOf',
  });
}

export interface Span {
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
}

/** Throws unless `columns` holds at least one value (checked after asOf, so that error comes first). */
export function requireValuesIn(meta: SeriesMeta, columns: Columns, span: Span): void {
  requirePublishedBy(meta, span.asOf);
  if (columns.values.some(isPresent)) return;
  const range = `${span.from ?? 'its start'} … ${span.to ?? 'its end'}${span.asOf ? ` as known on ${span.asOf}` : ''}`;
  throw noData(`${meta.id} has no values in ${range}; it has data from ${meta.firstDate ?? '(none)'} to ${meta.lastDate ?? '(none)'}. Choose from/to inside that span`, {
    seriesId: meta.id,
    firstDate: meta.firstDate ?? null,
    lastDate: meta.lastDate ?? null,
    argumentName: 'from',
  });
}
