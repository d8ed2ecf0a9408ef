import { addDays } from '../../api/series/dates.js';
import { seeded } from '../../support/seeded-random.js';

// 10,000 workbooks opening at the market open, as the model's input. Every assumption is a named
// option so the bench prints what it assumed.

export interface SeriesInfo {
  id: string;
  /** Bytes of each year-chunk item, by year. */
  chunkBytes: Map<number, number>;
  metaBytes: number;
  versionBytes: number;
  /** Its last observation, and the last one known on PINNED_AS_OF (none: nothing was known then). */
  lastDate: string;
  pinnedLastDate?: string;
}

/** The past date pinned workbooks ask `asOf`: settled, so their answers are immutable. */
export const PINNED_AS_OF = '2025-01-02';

/** One cell: a series over whole years [fromYear, toYear] (what the store reads for it). */
export interface Cell {
  id: string;
  fromYear: number;
  toYear: number;
  from: string;
  to: string;
}

export interface Workbook {
  key: number;
  template: number;
  /** Pinned to a past date (asOf): its answer is immutable, so a CDN may keep it. */
  pinned: boolean;
  openAtMs: number;
  cells: Cell[];
}

export interface WorkloadOptions {
  workbooks: number;
  windowMs: number;
  /** Mean of the (truncated) exponential opening time after the open: most open in the first seconds. */
  meanOpenMs: number;
  cells: number;
  seriesPerWorkbook: number;
  /** API keys (one per firm); analysts of one firm share it. */
  keys: number;
  /** Workbook templates per firm: analysts of a firm open copies of a few workbooks. */
  templatesPerKey: number;
  pinnedShare: number;
  /** Zipf exponent of series popularity (1 = the most popular series is in nearly every workbook). */
  zipf: number;
  seed: number;
}

export const MARKET_OPEN: WorkloadOptions = {
  workbooks: 10_000,
  windowMs: 60_000,
  meanOpenMs: 15_000,
  cells: 200,
  seriesPerWorkbook: 20,
  keys: 500,
  templatesPerKey: 4,
  pinnedShare: 0.3,
  zipf: 1,
  seed: 930,
};

/** The seeded generator (support/seeded-random.ts), so every run models the same morning. */
export const rng = seeded;

/** `count` distinct indexes of `n`, drawn by Zipf weights (index 0 most popular). */
function zipfPick(n: number, count: number, s: number, random: () => number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(count, n)) {
    const total = weights.reduce((a, w, i) => a + (chosen.has(i) ? 0 : w), 0);
    let x = random() * total;
    for (let i = 0; i < n; i++) {
      if (chosen.has(i)) continue;
      x -= weights[i];
      if (x <= 0) {
        chosen.add(i);
        break;
      }
    }
  }
  return [...chosen];
}

/**
 * What a cell covers, back from the series' last observation (as known on the pinned date for a pinned workbook), with cumulative probabilities: a third are the
 * latest value or the last week, most are a month or a quarter, a few a year or three (the spans a
 * strategist's sheet holds: levels, changes, rolling windows, charts).
 */
const CELL_SPANS: [number, number][] = [
  [0.35, 7],
  [0.65, 31],
  [0.8, 92],
  [0.95, 366],
  [1, 1096],
];

/**
 * The workbooks, ordered by opening time. `series` is ordered by popularity (most popular first).
 * A template fixes a workbook's cells: it picks its series by popularity and spreads the cells over
 * them, each covering one of CELL_SPANS.
 */
export function marketOpen(series: SeriesInfo[], opts: WorkloadOptions = MARKET_OPEN): Workbook[] {
  const random = rng(opts.seed);
  const templates = new Map<string, { pinned: boolean; cells: Cell[] }>();
  const template = (key: number, t: number) => {
    const id = `${key}|${t}`;
    let tpl = templates.get(id);
    if (tpl) return tpl;
    const r = rng(opts.seed * 7919 + key * 31 + t);
    // A pinned workbook can only hold series known on its date, and its cells end at what was known then.
    const pinned = r() < opts.pinnedShare;
    const eligible = pinned ? series.filter((s) => s.pinnedLastDate) : series;
    const picked = zipfPick(eligible.length, opts.seriesPerWorkbook, opts.zipf, r).map((i) => eligible[i]);
    const cells: Cell[] = [];
    for (let c = 0; c < opts.cells; c++) {
      const s = picked[c % picked.length];
      const to = pinned ? s.pinnedLastDate! : s.lastDate;
      const x = r();
      const days = x < CELL_SPANS[0][0] ? CELL_SPANS[0][1] : (CELL_SPANS.find(([p]) => x < p)?.[1] ?? CELL_SPANS[CELL_SPANS.length - 1][1]);
      const from = addDays(to, -days);
      // the store is read from a week before `from` (a week's start before its Friday label)
      // (request-level sharing keys reads by that year span, even where it starts before the data)
      cells.push({ id: s.id, fromYear: Number(addDays(from, -7).slice(0, 4)), toYear: Number(to.slice(0, 4)), from, to });
    }
    templates.set(id, (tpl = { pinned, cells }));
    return tpl;
  };
  const tail = 1 - Math.exp(-opts.windowMs / opts.meanOpenMs);
  const books: Workbook[] = [];
  for (let i = 0; i < opts.workbooks; i++) {
    const key = Math.floor(random() * opts.keys);
    const t = Math.floor(random() * opts.templatesPerKey);
    const openAtMs = -opts.meanOpenMs * Math.log(1 - random() * tail);
    const tpl = template(key, t);
    books.push({ key, template: t, pinned: tpl.pinned, openAtMs, cells: tpl.cells });
  }
  return books.sort((a, b) => a.openAtMs - b.openAtMs);
}
