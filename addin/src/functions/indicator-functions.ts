// CORR, BETA, VOL, RELVOL, SURPRISE: dated arrays computed by the API's `indicator` field.
import { optionalBool, optionalChoice, optionalDate, requiredInt, requiredText } from '../shared/args.js';
import { checkStartNotAfterAsOf, resolveAsOf } from '../shared/as-of.js';
import { ArgumentError } from '../shared/errors.js';
import { FREQUENCIES } from './choices.js';
import { Indicator, IndicatorWithMeta, type IndicatorName, type IndicatorQueryVariables } from '../generated/operations.js';
import { askValue, type Given } from '../client/operation.js';
import type { Fetch } from './fetcher.js';
import { datedMatrix, type Matrix } from './matrix.js';
import { displayForUnit } from './number-formats.js';
import { rollingOptions } from './rolling-options.js';

/** window, minObservations, frequency, from, to, asOf (only what was published by this date: no look-ahead). */
type IndicatorArgs = Given<Omit<IndicatorQueryVariables, 'name' | 'inputs'>>;

/** Longest rolling window accepted: ten years of daily data. */
export const MAX_WINDOW = 2520;

/** One `indicator` field, without its `meta`. */
export function indicator(fetch: Fetch, name: IndicatorName, inputs: string[], a: IndicatorArgs) {
  return askValue(fetch, Indicator, { name, inputs, ...a });
}

/** One `indicator` field with `meta` (asked for only when read: it can be large), as the caller knows it is shaped. */
export async function indicatorWithMeta<Meta>(fetch: Fetch, name: IndicatorName, inputs: string[], a: IndicatorArgs) {
  const r = await askValue(fetch, IndicatorWithMeta, { name, inputs, ...a });
  return { ...r, meta: r.meta as Meta };
}

async function indicatorMatrix(fetch: Fetch, name: IndicatorName, inputs: string[], a: IndicatorArgs, headers: boolean, label: string): Promise<Matrix> {
  if (a.from && a.to && a.from > a.to) throw new ArgumentError('start', `${a.from} is after end ${a.to}`);
  checkStartNotAfterAsOf(a.from, a.asOf);
  const data = await indicator(fetch, name, inputs, a);
  const known = a.asOf ? ` as of ${a.asOf}` : '';
  return datedMatrix(
    { dates: data.dates, columns: [data.values] },
    { headers, labels: ['Date', label], emptyMessage: `${label}: no values for the dates asked${known} (is the window longer than the data?)`, displays: [displayForUnit(data.unit)] },
  );
}

/** CORR, BETA: (a, b, window, [start], [end], [frequency], [options], [asOf], [headers]). */
export async function pairMatrix(fetch: Fetch, name: 'CORRELATION' | 'BETA', ...raw: unknown[]): Promise<Matrix> {
  const [a, b, window, start, end, frequency, options, asOf, headers] = raw;
  const ids = [requiredText('a', a), requiredText('b', b)];
  const args = rollingArgs(window, start, end, frequency, options, asOf);
  return indicatorMatrix(fetch, name, ids, args, optionalBool('headers', headers, false), `${name}(${ids.join(', ')})`);
}

/** VOL: (id, window, [start], [end], [frequency], [options], [asOf], [headers]). */
export async function volMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [id, window, start, end, frequency, options, asOf, headers] = raw;
  const ids = [requiredText('id', id)];
  const args = rollingArgs(window, start, end, frequency, options, asOf);
  return indicatorMatrix(fetch, 'VOLATILITY', ids, args, optionalBool('headers', headers, false), `VOLATILITY(${ids[0]})`);
}

/** RELVOL: (a, b, window, [start], [end], [frequency], [options], [asOf], [headers]); weekly returns unless told. */
export async function relVolMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [a, b, window, start, end, frequency, options, asOf, headers] = raw;
  const ids = [requiredText('a', a), requiredText('b', b)];
  const args = rollingArgs(window, start, end, frequency, options, asOf, 'WEEKLY');
  return indicatorMatrix(fetch, 'RELATIVE_VOL', ids, args, optionalBool('headers', headers, false), `RELATIVE_VOL(${ids.join(', ')})`);
}

/** SURPRISE: (actual, consensus, [start], [end], [asOf], [headers]). */
export async function surpriseMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [actual, consensus, start, end, asOf, headers] = raw;
  const ids = [requiredText('actual', actual), requiredText('consensus', consensus)];
  const args = { from: optionalDate('start', start), to: optionalDate('end', end), asOf: resolveAsOf(asOf) };
  return indicatorMatrix(fetch, 'SURPRISE', ids, args, optionalBool('headers', headers, false), `SURPRISE(${ids.join(', ')})`);
}

/** The shared tail of the rolling functions: window, start, end, frequency, options, asOf. */
function rollingArgs(rawWindow: unknown, start: unknown, end: unknown, frequency: unknown, options: unknown, asOf: unknown, defaultFrequency?: 'WEEKLY'): IndicatorArgs {
  const window = requiredInt('window', rawWindow, 2, MAX_WINDOW);
  return {
    window,
    ...rollingOptions(options, window),
    from: optionalDate('start', start),
    to: optionalDate('end', end),
    frequency: optionalChoice('frequency', frequency, FREQUENCIES) ?? defaultFrequency,
    asOf: resolveAsOf(asOf),
  };
}
