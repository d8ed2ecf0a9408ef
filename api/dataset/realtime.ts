import { addDays, addMonths } from '../series/dates.js';
import type { RealtimeRule } from './catalog.js';

export type Calendars = Record<string, Map<string, string>>;

/**
 * The day a bundled value became public, by its file's rule. Snapshot files carry no vintage stamps,
 * so every rule errs late rather than early: a value is never dated before it could have been known.
 */
export function realtimeStart(rule: RealtimeRule, date: string, row: Record<string, string>, calendars: Calendars): string {
  switch (rule.rule) {
    case 'sameDay':
      return date;
    case 'lagDays':
      return addDays(date, rule.days);
    case 'nextMonth':
      return addMonths(date.slice(0, 8) + '01', 1);
    case 'releaseCalendar': {
      const released = calendars[rule.calendar]?.get(date);
      if (!released) throw new Error(`No ${rule.calendar} release date is known for ${date}; add it to data/calendars`);
      return rule.notBefore && rule.notBefore > released ? rule.notBefore : released;
    }
    case 'vintage':
      return rule.overrides?.[date] ?? rule.stableFrom;
    case 'column': {
      const value = row[rule.column];
      if (!value) throw new Error(`Missing release date in column ${rule.column} for ${date}`);
      return value;
    }
  }
}

/** `2024Q2` → `2024-04-01`; ISO dates pass through. */
export function periodDate(text: string): string {
  const q = /^(\d{4})Q([1-4])$/.exec(text);
  if (!q) return text;
  return `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
}
