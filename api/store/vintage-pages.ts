import { seriesPk, vintageSk, yearOf } from './keys.js';

// A series' vintage dates (the days a value of it was published or revised) are kept in items of
// their own, one per year of release, never in the metadata item: a daily series published day by
// day has one vintage per observation, and a century of them (36,500 dates, ~500 KB) would not fit
// in one 400 KB item. A page holds at most 366 dates (~5 KB).

export interface VintagePage {
  pk: string;
  sk: string;
  year: number;
  /** Sorted dates as one JSON string: cheaper to read back than a list of thousands of elements. */
  dates: string;
}

/** The pages of sorted, distinct vintage dates, by year. */
export function vintagePages(id: string, vintages: string[]): VintagePage[] {
  const byYear = new Map<number, string[]>();
  for (const v of vintages) {
    const year = yearOf(v);
    const page = byYear.get(year);
    if (page) page.push(v);
    else byYear.set(year, [v]);
  }
  return [...byYear].map(([year, dates]) => ({ pk: seriesPk(id), sk: vintageSk(year), year, dates: JSON.stringify(dates) }));
}

export const datesOfPage = (item: Record<string, unknown>): string[] => JSON.parse(String(item.dates)) as string[];
