import type { Frequency, SeriesMeta } from '../series/types.js';
import type { CotReportCode } from '../series/cftc-fields.js';

// The shape of data/catalog.json, the one list of bundled series and how each value is dated.

export type RealtimeRule =
  | { rule: 'sameDay' }
  | { rule: 'lagDays'; days: number }
  | { rule: 'nextMonth' }
  | { rule: 'releaseCalendar'; calendar: 'cpi'; revisedWith?: string }
  | { rule: 'releaseCalendar'; calendar: 'gdp'; vintage: string }
  | { rule: 'releaseCalendar'; calendar: 'h15Daily' | 'h15Monthly' }
  | { rule: 'vintage'; stableFrom: string; overrides?: Record<string, string> }
  | { rule: 'column'; column: string };

export interface CatalogFile {
  file: string;
  dateColumn: string;
  valueColumn: string;
  realtime: RealtimeRule;
}

/** How `npm run ingest -- refresh` brings a bundled series up to date, or why it cannot. */
export type RefreshRule = { kind: 'fred'; vintages?: boolean } | { kind: 'stooq' } | { none: string };

export interface CatalogSeries extends Omit<SeriesMeta, 'firstVintage' | 'lastVintage' | 'vintageCount' | 'firstDate' | 'lastDate' | 'lastUpdated'> {
  frequency: Frequency;
  files: CatalogFile[];
  refresh: RefreshRule;
}

export interface CatalogCftc {
  contract: string;
  name: string;
  report: CotReportCode;
  file: string;
}

export interface Catalog {
  series: CatalogSeries[];
  cftc: CatalogCftc[];
  /** 538 national polls, loaded as daily polling averages per candidate. */
  polls?: { file: string; candidates: string[]; refresh?: RefreshRule };
}
