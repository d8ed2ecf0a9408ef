import { performance } from 'node:perf_hooks';
import { ingest } from '../../api/ingest/pipeline.js';
import type { SeriesBatch } from '../../api/ingest/types.js';
import type { Revision } from '../../api/series/types.js';
import { itemSize } from '../../api/store/item-size.js';
import { seriesPk } from '../../api/store/keys.js';
import type { SeriesStore } from '../../api/store/series-store.js';
import { MacroSource, PriceSource, tradingDays } from './sources.js';

// The soak: the real ingest pipeline (validate, date, plan, write), one run per simulated trading
// day, each run sent the whole history as the provider would send it that day. Only the fetch is
// left out (the provider is simulated in memory), so a simulated year costs seconds, not hours.

export const DAYS_A_YEAR = 261;

export interface SoakOptions {
  /** years of daily runs after the first ingest */
  years: number;
  /** years of history the first ingest brings */
  backfillYears: number;
  /** store restatements as rescales (the default); false stores each value, as before rescales */
  rescales?: boolean;
  /** an asOf check every this many trading days, besides the days around every restatement */
  sampleEvery?: number;
  /** only these series (default all) */
  only?: string[];
  /**
   * On a day the source restates nothing, send only its newest this many closes (as Alpha Vantage's
   * compact output does); the whole history on restatement days and on the first run of each month.
   * Default: the whole history every day.
   */
  window?: number;
}

/** How many times the source prints each observation: a close once; the index's month three times (first release, two revisions). */
export const printsOf = (id: string): number => (id === 'SOAK_INDEX' ? 3 : 1);

export interface SeriesFigures {
  id: string;
  observations: number;
  /** days on which the source restated history (corporate actions, re-adjustments, rebases) */
  restatementDays: number;
  rescalesStored: number;
  storedRevisions: number;
  items: number;
  bytes: number;
  largestItem: { sk: string; bytes: number };
  /** full-history read (latest values), median ms, just after the first ingest and at the end */
  readMsDayOne: number;
  readMsEnd: number;
}

export interface Sample {
  id: string;
  asOf: string;
  expected: Revision[];
}

export interface SoakResult {
  days: string[];
  figures: SeriesFigures[];
  samples: Sample[];
  runs: number;
  seconds: number;
}

const priceMeta = (id: string) => ({ id, name: `${id} adjusted close (simulated)`, unit: 'USD', frequency: 'DAILY' as const, source: { name: 'simulated provider', sourceId: id } });
const macroMeta = (id: string) => ({ id, name: `${id} monthly index (simulated)`, unit: 'Index', frequency: 'MONTHLY' as const, source: { name: 'simulated agency', sourceId: id } });

/** The soak's sources: quarterly and monthly payers, a split with a whole-history re-adjustment, a monthly index. */
export function soakSources(days: string[], backfill: number) {
  return {
    prices: [
      new PriceSource({ id: 'SOAK_QDIV', seed: 1, dividendEvery: 63, yield: 0.005 }, days),
      new PriceSource({ id: 'SOAK_MDIV', seed: 2, dividendEvery: 21, yield: 0.003 }, days),
      new PriceSource({ id: 'SOAK_SPLIT', seed: 3, dividendEvery: 63, yield: 0.004, splitAt: backfill + 3 * DAYS_A_YEAR + 17, readjustAt: backfill + 6 * DAYS_A_YEAR + 40 }, days),
    ],
    macro: new MacroSource('SOAK_INDEX', 4, days[0].slice(0, 7) + '-01', Math.ceil(days.length / 21) + 2),
  };
}

/** Every item of a series, through the Table port. */
export async function seriesItems(store: SeriesStore, id: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await store.table.query({ TableName: store.tableName, KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': seriesPk(id) }, ExclusiveStartKey: start });
    items.push(...out.Items);
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

async function medianReadMs(store: SeriesStore, id: string, runs = 7): Promise<number> {
  const times: number[] = [];
  await store.readKnown(id);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await store.readKnown(id);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

export async function runSoak(store: SeriesStore, options: SoakOptions): Promise<SoakResult> {
  const started = performance.now();
  const backfill = options.backfillYears * DAYS_A_YEAR;
  const days = tradingDays('2004-01-05', backfill + options.years * DAYS_A_YEAR);
  const { prices, macro } = soakSources(days, backfill);
  const keep = (id: string) => !options.only || options.only.includes(id);
  const sampleEvery = options.sampleEvery ?? 97;
  const sampleDays = new Set<number>();
  for (let i = backfill - 1; i < days.length; i += sampleEvery) sampleDays.add(i);
  sampleDays.add(days.length - 1);
  for (const p of prices) for (const r of p.restatementDays()) if (r >= backfill) [r - 1, r].forEach((d) => sampleDays.add(d));
  for (const [m] of macro.rebases) {
    const i = days.findIndex((d) => d >= macro.releaseOf(m));
    if (i >= backfill) [i - 1, i].forEach((d) => sampleDays.add(d));
  }

  const samples: Sample[] = [];
  const dayOne = new Map<string, number>();
  let runs = 0;
  for (let i = backfill - 1; i < days.length; i++) {
    const day = days[i];
    const batches: SeriesBatch[] = [];
    const monthStart = i === backfill - 1 || day.slice(5, 7) !== days[i - 1].slice(5, 7);
    const full = new Map<string, Revision[]>();
    for (const p of prices) {
      if (!keep(p.spec.id)) continue;
      const history = p.historyOn(i);
      full.set(p.spec.id, history);
      const compact = options.window !== undefined && !monthStart && !p.restatementDays().includes(i);
      batches.push({ meta: priceMeta(p.spec.id), revisions: compact ? history.slice(-options.window!) : history, publication: 'fetched' });
    }
    if (keep(macro.id)) batches.push({ meta: macroMeta(macro.id), revisions: macro.historyOn(day), publication: 'rule' });
    for (const batch of batches) {
      if (batch.revisions.length === 0) continue;
      await ingest(store, 'soak', [batch], { now: () => new Date(`${day}T22:00:00Z`), rescales: options.rescales ?? true });
      if (sampleDays.has(i)) samples.push({ id: batch.meta.id, asOf: day, expected: full.get(batch.meta.id) ?? batch.revisions });
    }
    runs++;
    if (i === backfill - 1) for (const b of batches) dayOne.set(b.meta.id, await medianReadMs(store, b.meta.id));
  }

  const figures: SeriesFigures[] = [];
  const ids = [...prices.map((p) => p.spec.id), macro.id].filter(keep);
  for (const id of ids) {
    const items = await seriesItems(store, id);
    const sizes = items.map((item) => ({ sk: String(item.sk), bytes: itemSize(item) }));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const history = await store.readHistory(id);
    const source = prices.find((p) => p.spec.id === id);
    const restatementDays = source ? source.restatementDays().filter((d) => d < days.length).length : macro.rebases.filter(([m]) => macro.releaseOf(m) <= days[days.length - 1]).length;
    figures.push({
      id,
      observations: new Set(history.revisions.map((r) => r.date)).size,
      restatementDays,
      rescalesStored: history.rescales.length,
      storedRevisions: history.revisions.length,
      items: items.length,
      bytes: sizes.reduce((n, s) => n + s.bytes, 0),
      largestItem: largest,
      readMsDayOne: dayOne.get(id) ?? NaN,
      readMsEnd: await medianReadMs(store, id),
    });
  }
  return { days, figures, samples, runs, seconds: (performance.now() - started) / 1000 };
}
