// SERIES and VALUE: observations of one series, as a spilled array or a single number.
import { optionalBool, optionalChoice, optionalDate, requiredText } from '../shared/args.js';
import { checkStartNotAfterAsOf, resolveAsOf } from '../shared/as-of.js';
import { addDays } from '../shared/dates.js';
import { ArgumentError, TideError } from '../shared/errors.js';
import { FREQUENCIES } from './choices.js';
import { SeriesLatest, SeriesObservations, type SeriesObservationsQueryVariables } from '../generated/operations.js';
import { answered, ask, type Given } from '../client/operation.js';
import { requireSeries, type Fetch } from './fetcher.js';
import { datedMatrix, lastValue, type Matrix } from './matrix.js';
import { displayForTransform } from './number-formats.js';
import { seriesOptions } from './series-options.js';

type ObservationArgs = Given<Omit<SeriesObservationsQueryVariables, 'id'>>;

async function observations(fetch: Fetch, id: string, a: ObservationArgs) {
  return answered(requireSeries(await ask(fetch, SeriesObservations, { id, ...a }), id).observations, 'observations');
}

export async function seriesMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [rawId, start, end, frequency, options, asOf, headers] = raw;
  const id = requiredText('id', rawId);
  const a: ObservationArgs = {
    from: optionalDate('start', start),
    to: optionalDate('end', end),
    frequency: optionalChoice('frequency', frequency, FREQUENCIES),
    ...seriesOptions(options),
    asOf: resolveAsOf(asOf),
  };
  const withHeaders = optionalBool('headers', headers, false);
  if (a.from && a.to && a.from > a.to) throw new ArgumentError('start', `${a.from} is after end ${a.to}`);
  checkStartNotAfterAsOf(a.from, a.asOf);
  const obs = await observations(fetch, id, a);
  return datedMatrix(
    { dates: obs.dates, columns: [obs.values] },
    { headers: withHeaders, labels: ['Date', id], emptyMessage: `${id} has no observations${range(a.from, a.to)}${a.asOf ? ` as of ${a.asOf}` : ''}`, displays: [displayForTransform(a.transform)] },
  );
}

/** How far back VALUE looks for the last value on or before a date (covers quarterly series). */
const VALUE_LOOKBACK_DAYS = 400;

export async function valueNumber(fetch: Fetch, rawId: unknown, rawDate: unknown, rawAsOf: unknown): Promise<number> {
  const id = requiredText('id', rawId);
  const date = optionalDate('date', rawDate);
  const asOf = resolveAsOf(rawAsOf);
  if (date === undefined) {
    const latest = requireSeries(await ask(fetch, SeriesLatest, { id, asOf }), id).latest;
    if (!latest || latest.value === null) throw new TideError('notFound', `${id} has no value${asOf ? ` as of ${asOf}` : ''}`);
    return latest.value;
  }
  const obs = await observations(fetch, id, { from: addDays(date, -VALUE_LOOKBACK_DAYS), to: date, asOf });
  const found = lastValue(obs.dates, obs.values, date);
  if (!found) throw new TideError('notFound', `${id} has no value on or in the ${VALUE_LOOKBACK_DAYS} days before ${date}${asOf ? ` as of ${asOf}` : ''}`);
  return found.value;
}

function range(from?: string, to?: string): string {
  if (from && to) return ` from ${from} to ${to}`;
  if (from) return ` from ${from}`;
  return to ? ` up to ${to}` : '';
}
