import type { Rescale } from '../series/rescales.js';
import { RESCALES_SK, seriesPk } from './keys.js';

// A series' rescales in one item, as one JSON string of [at, through, factor, digits] rows: about 40
// bytes a rescale, so the 390 KB item budget holds some 9,000 (a monthly payer for seven centuries);
// every write is measured against the budget before it is stored (item-size.ts).

type Row = [string, string, number, number | null];

export function encodeRescales(id: string, rescales: readonly Rescale[]): { pk: string; sk: string; count: number; rescales: string } {
  const rows: Row[] = rescales.map((k) => [k.at, k.through, k.factor, k.digits]);
  return { pk: seriesPk(id), sk: RESCALES_SK, count: rescales.length, rescales: JSON.stringify(rows) };
}

export function decodeRescales(item: Record<string, unknown> | undefined): Rescale[] {
  if (!item || typeof item.rescales !== 'string') return [];
  return (JSON.parse(item.rescales) as Row[]).map(([at, through, factor, digits]) => ({ at, through, factor, digits }));
}
