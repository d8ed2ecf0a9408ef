// CORR, BETA, VOL, RELVOL, SURPRISE: dated arrays computed by the API's `indicator` field.
import { optionalBool, optionalChoice, optionalDate, requiredInt, requiredText } from '../shared/args.js';
import { checkStartNotAfterAsOf, resolveAsOf } from '../shared/as-of.js';
import { ArgumentError } from '../shared/errors.js';
import { FREQUENCIES } from './choices.js';
import type { Fetch } from './fetcher.js';
import { datedMatrix, type Matrix } from './matrix.js';

export type IndicatorName = 'CORRELATION' | 'BETA' | 'VOLATILITY' | 'RELATIVE_VOL' | 'SURPRISE' | 'MAX_RUNUP' | 'MAX_DRAWDOWN';

interface IndicatorArgs {
  window?: number;
  frequency?: string;
  from?: string;
  to?: string;
  /** Only what was published by this date: no look-ahead. */
  asOf?: string;
}

export interface IndicatorData<Meta = undefined> {
  dates: string[];
  values: (number | null)[];
  meta: Meta;
}

/** Longest rolling window accepted: ten years of daily data. */
export const MAX_WINDOW = 2520;

/** One `indicator` field; `meta` is asked for only when the caller reads it (it can be large). */
export function indicator<Meta = undefined>(
  fetch: Fetch,
  name: IndicatorName | 'CHANGE',
  inputs: string[],
  a: IndicatorArgs,
  withMeta = false,
): Promise<IndicatorData<Meta>> {
  return fetch<IndicatorData<Meta>>({
    field: 'indicator',
    args: [
      { name: 'name', type: 'IndicatorName!', value: name },
      { name: 'inputs', type: '[ID!]!', value: inputs },
      { name: 'window', type: 'Int', value: a.window },
      { name: 'frequency', type: 'Frequency', value: a.frequency },
      { name: 'from', type: 'Date', value: a.from },
      { name: 'to', type: 'Date', value: a.to },
      { name: 'asOf', type: 'Date', value: a.asOf },
    ],
    selection: withMeta ? 'dates values meta' : 'dates values',
  });
}

async function indicatorMatrix(
  fetch: Fetch,
  name: IndicatorName,
  inputs: string[],
  a: IndicatorArgs,
  headers: boolean,
  label: string,
): Promise<Matrix> {
  if (a.from && a.to && a.from > a.to) throw new ArgumentError('start', `${a.from} is after end ${a.to}`);
  checkStartNotAfterAsOf(a.from, a.asOf);
  const data = await indicator(fetch, name, inputs, a);
  const known = a.asOf ? ` as of ${a.asOf}` : '';
  return datedMatrix(
    { dates: data.dates, columns: [data.values] },
    { headers, labels: ['Date', label], emptyMessage: `${label}: no values for the dates asked${known} (is the window longer than the data?)` },
  );
}

/** CORR, BETA: (a, b, window, [start], [end], [frequency], [asOf], [headers]). */
export async function pairMatrix(fetch: Fetch, name: 'CORRELATION' | 'BETA', ...raw: unknown[]): Promise<Matrix> {
  const [a, b, window, start, end, frequency, asOf, headers] = raw;
  const ids = [requiredText('a', a), requiredText('b', b)];
  const args = rollingArgs(window, start, end, frequency, asOf);
  return indicatorMatrix(fetch, name, ids, args, optionalBool('headers', headers, false), `${name}(${ids.join(', ')})`);
}

/** VOL: (id, window, [start], [end], [frequency], [asOf], [headers]). */
export async function volMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [id, window, start, end, frequency, asOf, headers] = raw;
  const ids = [requiredText('id', id)];
  const args = rollingArgs(window, start, end, frequency, asOf);
  return indicatorMatrix(fetch, 'VOLATILITY', ids, args, optionalBool('headers', headers, false), `VOLATILITY(${ids[0]})`);
}

/** RELVOL: (a, b, window, [start], [end], [frequency], [asOf], [headers]); weekly returns unless told. */
export async function relVolMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [a, b, window, start, end, frequency, asOf, headers] = raw;
  const ids = [requiredText('a', a), requiredText('b', b)];
  const args = rollingArgs(window, start, end, frequency, asOf, 'WEEKLY');
  return indicatorMatrix(fetch, 'RELATIVE_VOL', ids, args, optionalBool('headers', headers, false), `RELATIVE_VOL(${ids.join(', ')})`);
}

/** SURPRISE: (actual, consensus, [start], [end], [asOf], [headers]). */
export async function surpriseMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [actual, consensus, start, end, asOf, headers] = raw;
  const ids = [requiredText('actual', actual), requiredText('consensus', consensus)];
  const args = { from: optionalDate('start', start), to: optionalDate('end', end), asOf: resolveAsOf(asOf) };
  return indicatorMatrix(fetch, 'SURPRISE', ids, args, optionalBool('headers', headers, false), `SURPRISE(${ids.join(', ')})`);
}

/** The shared tail of the rolling functions: window, start, end, frequency, asOf. */
function rollingArgs(window: unknown, start: unknown, end: unknown, frequency: unknown, asOf: unknown, defaultFrequency?: 'WEEKLY'): IndicatorArgs {
  return {
    window: requiredInt('window', window, 2, MAX_WINDOW),
    from: optionalDate('start', start),
    to: optionalDate('end', end),
    frequency: optionalChoice('frequency', frequency, FREQUENCIES) ?? defaultFrequency,
    asOf: resolveAsOf(asOf),
  };
}
