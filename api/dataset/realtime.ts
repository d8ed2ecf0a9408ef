import { addDays, addMonths } from '../series/dates.js';
import { cpiReleaseDate, gdpEstimateInForce, h15DailyReleaseDate, h15MonthlyReleaseDate } from '../series/release-calendars.js';
import type { RealtimeRule } from './catalog.js';

/**
 * The day a bundled value became public, by its file's rule. Where the source publishes a release
 * calendar the date is read from it (api/series/release-calendars.ts); snapshot files carry no vintage
 * stamps, so the other rules err late rather than early: a value is never dated before it could have been known.
 */
export function realtimeStart(rule: RealtimeRule, date: string, row: Record<string, string>): string {
  switch (rule.rule) {
    case 'sameDay':
      return date;
    case 'lagDays':
      return addDays(date, rule.days);
    case 'nextMonth':
      return addMonths(date.slice(0, 8) + '01', 1);
    case 'releaseCalendar':
      return fromCalendar(rule, date);
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

const unknown = (calendar: string, what: string): never => {
  throw new Error(`No ${calendar} release date is known for ${what}; add it to data/calendars and run npx tsx scripts/generate-release-calendars.ts`);
};

function fromCalendar(rule: Extract<RealtimeRule, { rule: 'releaseCalendar' }>, date: string): string {
  switch (rule.calendar) {
    case 'cpi': {
      const released = cpiReleaseDate(date) ?? unknown('CPI', date);
      if (!rule.revisedWith) return released;
      // a snapshot taken after an annual seasonal revision holds the revised values, public from that release
      const revised = cpiReleaseDate(rule.revisedWith) ?? unknown('CPI', rule.revisedWith);
      return revised > released ? revised : released;
    }
    case 'gdp':
      return (gdpEstimateInForce(date, rule.vintage) ?? unknown('GDP', `${date} in a snapshot of ${rule.vintage}`)).date;
    case 'h15Daily':
      return h15DailyReleaseDate(date) ?? unknown('H.15', date);
    case 'h15Monthly':
      return h15MonthlyReleaseDate(date) ?? unknown('H.15', date);
  }
}
