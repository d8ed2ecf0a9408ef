import { readFileSync } from 'node:fs';
import { addDays, weekday } from '../api/series/dates.js';
import type { Revision } from '../api/series/types.js';

/**
 * A long daily series made from the real Russell 2000: its daily log returns, replayed in order and
 * repeated as needed, on weekdays from `start`. Real texture (volatility clustering, fat tails), any length.
 */
export function extendedRut(points: number, start = '1990-01-01'): Revision[] {
  const closes = readFileSync('data/real/rut_daily_yahoo.csv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',')[1]));
  const returns = closes.slice(1).map((c, i) => Math.log(c / closes[i]));
  const out: Revision[] = [];
  let level = closes[0];
  let date = start;
  for (let i = 0; out.length < points; i++) {
    while (weekday(date) === 0 || weekday(date) === 6) date = addDays(date, 1);
    out.push({ date, value: Math.round(level * 100) / 100, realtimeStart: date });
    level *= Math.exp(returns[i % returns.length]);
    date = addDays(date, 1);
  }
  return out;
}
