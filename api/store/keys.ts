// Key layout of the single table; infra/README.md documents it.

export const CATALOG_INDEX = 'catalog';
export const CATALOG_PARTITION = 'SERIES';
export const META_SK = 'META';
/** The item whose token every write of a series replaces; caches key what they hold by it. */
export const VERSION_SK = 'VERSION';

export const seriesPk = (id: string): string => `S#${id}`;
export const chunkSk = (year: number): string => `C#${String(year).padStart(4, '0')}`;
export const yearOf = (date: string): number => Number(date.slice(0, 4));
/** The page of a series' vintage dates (release dates) that fall in one year. */
export const vintageSk = (year: number): string => `V#${String(year).padStart(4, '0')}`;
/** The item holding a series' rescales (series/rescales.ts): one record per rescale of its history. */
export const RESCALES_SK = 'RESCALES';
