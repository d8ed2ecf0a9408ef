// Reading an indicator's input series: by id, converted to one frequency, as known on asOf.
// Every read goes through readObservations, the one definition of reading a series.
import { notFound } from '../../errors/domain-error.js';
import { isPresent } from '../../indicators/columns.js';
import type { Frequency, SeriesMeta } from '../../series/types.js';
import type { SeriesReads } from '../../store/request-reads.js';
import { requirePublishedBy, requireValuesIn } from '../no-data.js';
import { readSeriesObservations } from '../expressions.js';
import { inRange, type DateRange } from '../../series/range.js';
import type { Input } from '../../indicators/spec.js';

/** What the indicator services read through: one request's store reads, and series metadata (cached). */
export interface SeriesReader {
  store: SeriesReads;
  /** A stored series or an expression (expressions.ts); `argument` is the one blamed in errors. */
  meta(id: string, argument?: string): Promise<SeriesMeta | null>;
}

export type { Input };

export interface ReadWindow {
  frequency: Frequency;
  /** First date read (before `from` when a warm-up is needed); undefined = from the start. */
  readFrom?: string;
  to?: string | null;
  asOf?: string | null;
}

export async function requireMeta(reader: SeriesReader, id: string, argument = 'inputs'): Promise<SeriesMeta> {
  const meta = id.trim() ? await reader.meta(id, argument) : null;
  if (!meta) throw notFound(`No series "${id}" in ${argument}; searchSeries(text: "…") lists the ids (e.g. "RUT", "DGS2")`, argument);
  return meta;
}

/** Reads one input at `frequency` (converting with the period's last value), as known on asOf. */
export async function readInput(reader: SeriesReader, meta: SeriesMeta, w: ReadWindow): Promise<Input> {
  const obs = await readSeriesObservations(reader.store, meta, { from: w.readFrom, to: w.to, frequency: w.frequency, aggregation: 'LAST', asOf: w.asOf });
  return { meta, columns: { dates: obs.dates, values: obs.values } };
}

/**
 * Fails when an input has no value in range: because asOf is before its earliest vintage, or
 * because the range misses its data. Either way a NO_DATA error says which dates would work.
 */
export function requireValues(input: Input, range: DateRange & { asOf?: string | null }, frequency: Frequency): void {
  const { meta, columns } = input;
  requirePublishedBy(meta, range.asOf);
  const inSpan = columns.values.map((v, i) => (isPresent(v) && inRange(columns.dates[i], range, frequency) ? v : null));
  requireValuesIn(meta, { dates: columns.dates, values: inSpan }, range);
}
