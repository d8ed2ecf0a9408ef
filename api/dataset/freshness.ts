import { toEpochDay } from '../series/dates.js';
import type { SeriesMeta } from '../series/types.js';

/**
 * How recent the data a store serves is: its series grouped by their newest observation, newest
 * group first, with the age of each group on `today`. Missing series (not loaded) are listed too.
 */
export function freshnessLines(ids: string[], metas: Map<string, Pick<SeriesMeta, 'lastDate'> | null>, today: string): string[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const last = metas.get(id)?.lastDate ?? 'not loaded';
    groups.set(last, [...(groups.get(last) ?? []), id]);
  }
  const order = [...groups.keys()].sort((a, b) => (a === 'not loaded' ? 1 : b === 'not loaded' ? -1 : a < b ? 1 : -1));
  return order.map((last) => {
    const list = groups.get(last)!;
    const shown = list.length > 6 ? `${list.slice(0, 6).join(', ')} and ${list.length - 6} more` : list.join(', ');
    const age = last === 'not loaded' ? '' : ` (${describeAge(toEpochDay(today) - toEpochDay(last))})`;
    return `  ${last}${age}: ${shown}`;
  });
}

function describeAge(days: number): string {
  if (days <= 0) return 'today';
  if (days < 14) return `${days} day${days === 1 ? '' : 's'} old`;
  if (days < 60) return `${Math.round(days / 7)} weeks old`;
  return `${Math.round(days / 30.44)} months old`;
}

/** The newest observation across the given series, or undefined when none is loaded. */
export function newestDate(metas: Iterable<Pick<SeriesMeta, 'lastDate'> | null>): string | undefined {
  let newest: string | undefined;
  for (const m of metas) if (m?.lastDate && (!newest || m.lastDate > newest)) newest = m.lastDate;
  return newest;
}
