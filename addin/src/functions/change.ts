// CHANGE: the API's CHANGE indicator (endpoints = last values on or before each date) or its
// MAX_RUNUP / MAX_DRAWDOWN, in the API's units: fractions for relative changes (shown as %), basis
// points for a rate's change (shown as bp), or (ABS) the difference in the series' unit (plain).
import { optionalChoice, optionalDate, requiredDate, requiredText } from '../shared/args.js';
import { checkStartNotAfterAsOf, resolveAsOf } from '../shared/as-of.js';
import { ArgumentError, TideError } from '../shared/errors.js';
import { CHANGE_MODES } from './choices.js';
import type { Fetch } from './fetcher.js';
import { indicatorWithMeta } from './indicator-functions.js';
import { shown, type Display, type Shown } from './number-formats.js';

export interface ChangeMeta {
  /** The API's headline: the relative change for prices, basis points for rate-like series. */
  measure: 'RELATIVE' | 'BP';
  start: { date: string; value: number };
  end: { date: string; value: number };
  /** end − start in the series' unit. */
  absolute: number;
  /** end / start − 1, a fraction; null when the start is 0. */
  relative: number | null;
  /** The change in basis points, for rate-like series; null otherwise. */
  bp: number | null;
}

/** The number CHANGE shows; without a mode, the API's headline (a fraction, or bp for a rate). */
export function changeFromMeta(id: string, meta: ChangeMeta, mode?: 'PCT' | 'ABS' | 'LOG'): number {
  if (!mode) {
    if (meta.measure === 'BP' && meta.bp !== null) return meta.bp;
    mode = 'PCT';
  }
  if (mode === 'ABS') return meta.absolute;
  if (mode === 'PCT') {
    if (meta.relative === null) throw new TideError('notFound', `${id} is 0 on ${meta.start.date}; a relative change is undefined`);
    return meta.relative;
  }
  if (meta.start.value <= 0 || meta.end.value <= 0) {
    throw new TideError('notFound', `${id} is not positive on ${meta.start.value <= 0 ? meta.start.date : meta.end.date}; a log change is undefined`);
  }
  return Math.log(meta.end.value / meta.start.value);
}

/** How CHANGE's number is shown: bp for a rate's headline change, % for relative and log changes, plain for ABS. */
export function changeDisplay(meta: ChangeMeta, mode?: 'PCT' | 'ABS' | 'LOG'): Display | undefined {
  if (!mode) return meta.measure === 'BP' && meta.bp !== null ? 'bp' : 'percent';
  return mode === 'ABS' ? undefined : 'percent';
}

/** CHANGE: (id, start, [end], [mode], [asOf]); with asOf, an end after it is read as asOf's last value. */
export async function changeNumber(fetch: Fetch, ...raw: unknown[]): Promise<Shown> {
  const [rawId, rawStart, rawEnd, rawMode, rawAsOf] = raw;
  const id = requiredText('id', rawId);
  const from = requiredDate('start', rawStart);
  const to = optionalDate('end', rawEnd);
  const mode = optionalChoice('mode', rawMode, CHANGE_MODES);
  const asOf = resolveAsOf(rawAsOf);
  if (to && from >= to) throw new ArgumentError('end', `${to} is not after start ${from}`);
  checkStartNotAfterAsOf(from, asOf);
  if (mode === 'MAX_RUNUP' || mode === 'MAX_DRAWDOWN') {
    const r = await indicatorWithMeta<{ value: number | null } | null>(fetch, mode, [id], { from, to, asOf });
    if (r.meta?.value === null || r.meta?.value === undefined) throw new TideError('notFound', `${id} has no values from ${from}${to ? ` to ${to}` : ''}`);
    return shown(r.meta.value, 'percent');
  }
  const r = await indicatorWithMeta<ChangeMeta>(fetch, 'CHANGE', [id], { from, to, asOf });
  return shown(changeFromMeta(id, r.meta, mode), changeDisplay(r.meta, mode));
}
