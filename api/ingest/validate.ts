import type { Revision } from '../series/types.js';
import { isIsoDate } from '../series/dates.js';
import { fail, type Origin } from './errors.js';
import type { SeriesBatch } from './types.js';

// ':' separates a source prefix from the source's own id (KALSHI:PRES-2024-DJT)
const SERIES_ID = /^[A-Za-z0-9_.=^:-]{1,64}$/;

/**
 * Last line of defence before anything is written: every connector's output must pass, so a
 * connector bug can never store a malformed point. Row numbers count revisions as delivered.
 */
export function validateBatch(batch: SeriesBatch, source: string): void {
  const origin: Origin = { source, series: batch.meta.id };
  if (!SERIES_ID.test(batch.meta.id)) fail(origin, undefined, `series id ${JSON.stringify(batch.meta.id)} must be 1-64 letters, digits or _ . = ^ : -`);
  const seen = new Set<string>();
  batch.revisions.forEach((r, i) => {
    const row = i + 1;
    if (!isIsoDate(r.date)) fail(origin, row, `date ${JSON.stringify(r.date)} is not a YYYY-MM-DD calendar day`);
    if (!isIsoDate(r.realtimeStart)) fail(origin, row, `realtimeStart ${JSON.stringify(r.realtimeStart)} is not a YYYY-MM-DD calendar day`);
    if (r.value !== null && !Number.isFinite(r.value)) fail(origin, row, `value ${String(r.value)} for ${r.date} is not a finite number`);
    const key = `${r.date}|${r.realtimeStart}`;
    if (seen.has(key)) fail(origin, row, `date ${r.date} appears twice with the same release date ${r.realtimeStart}`);
    seen.add(key);
  });
}
