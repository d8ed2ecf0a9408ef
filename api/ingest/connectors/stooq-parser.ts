import type { Revision } from '../../series/types.js';
import { isIsoDate } from '../../series/dates.js';
import { fail } from '../errors.js';

/**
 * Stooq's daily download: `Date,Open,High,Low,Close[,Volume]`, oldest first, lines ending CRLF.
 * Stooq answers HTTP 200 whatever happens, so its refusals are read from the body: "No data" for an
 * unknown ticker, "Exceeded the daily hits limit" when the free quota is spent, and a header with
 * no rows when it has nothing to send. None of them is an empty success. A close is dated as public
 * on its own trading day; a later change to it becomes a restatement (see restate.ts).
 */
export function parseStooqCsv(text: string, seriesId: string, symbol: string): Revision[] {
  const origin = { source: `Stooq ${symbol}`, series: seriesId };
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) fail(origin, undefined, `Stooq sent an empty body for ticker "${symbol}"`);
  if (/^no data/i.test(lines[0])) fail(origin, undefined, `Stooq has no data for ticker "${symbol}"; check the ticker (e.g. ^rut, iwm.us)`);
  if (/exceeded the daily hits limit/i.test(lines[0])) fail(origin, undefined, `Stooq refused: daily download limit reached ("${lines[0].trim()}"); try again tomorrow`);
  const header = lines[0].split(',').map((h) => h.trim().toLowerCase());
  const di = header.indexOf('date');
  const ci = header.indexOf('close');
  if (di < 0 || ci < 0) fail(origin, 1, `header "${lines[0].trim()}" lacks a Date or Close column`);
  if (lines.length === 1)
    fail(origin, undefined, `Stooq sent only the header "${lines[0].trim()}" and no rows for ticker "${symbol}"; the ticker has no daily history there or the request was refused`);
  const out: Revision[] = [];
  for (let i = 1; i < lines.length; i++) {
    const row = i + 1;
    const cells = lines[i].split(',');
    const date = cells[di]?.trim() ?? '';
    const raw = cells[ci]?.trim() ?? '';
    if (!isIsoDate(date)) fail(origin, row, `date "${date}" is not YYYY-MM-DD`);
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value)) fail(origin, row, `close "${raw}" on ${date} is not a number`);
    const prev = out[out.length - 1];
    if (prev && prev.date >= date) fail(origin, row, prev.date === date ? `date ${date} appears twice` : `date ${date} comes after ${prev.date}`);
    out.push({ date, value, realtimeStart: date });
  }
  return out;
}
