import type { Transform } from '../../series/transform.js';
import type { Revision } from '../../series/types.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesBatch } from '../types.js';

/** The Cleveland Fed's two monthly-target chart files: nowcasts of the month-over-month and year-over-year change. */
export type NowcastHorizon = 'month' | 'year';

const HORIZONS: Record<NowcastHorizon, { suffix: string; expects: Transform; unit: string; what: string }> = {
  month: { suffix: 'MOM', expects: 'PCT_CHANGE', unit: 'Percent change from the previous month (nowcast)', what: 'month-over-month' },
  year: { suffix: 'YOY', expects: 'YOY', unit: 'Percent change from a year earlier (nowcast)', what: 'year-over-year' },
};

/** The chart datasets Tide keeps ("Actual ..." datasets hold the BLS/BEA print, not a nowcast). */
const MEASURES: Record<string, { idPart: string; name: string; compare: string }> = {
  'CPI Inflation': { idPart: 'CPI', name: 'CPI', compare: 'CPIAUCNS (y/y) or CPIAUCSL (m/m)' },
  'Core CPI Inflation': { idPart: 'CORE_CPI', name: 'core CPI (less food and energy)', compare: 'core CPI' },
  'PCE Inflation': { idPart: 'PCE', name: 'PCE price index', compare: 'the PCE price index' },
  'Core PCE Inflation': { idPart: 'CORE_PCE', name: 'core PCE price index', compare: 'the core PCE price index' },
};

export const clevelandSeriesId = (measure: string, horizon: NowcastHorizon): string => `CLEVFED_NOWCAST_${measure}_${HORIZONS[horizon].suffix}`;

export const NOWCAST_PAGE = 'https://www.clevelandfed.org/indicators-and-data/inflation-nowcasting';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const pad = (n: number) => String(n).padStart(2, '0');

/** `2022-6` → 2022-06-01 (the target month's first day). */
function targetMonth(origin: Origin, text: unknown, row: number): { year: number; month: number; date: string } {
  const m = typeof text === 'string' ? /^(\d{4})-(\d{1,2})$/.exec(text.trim()) : null;
  const month = m ? Number(m[2]) : NaN;
  if (!m || month < 1 || month > 12) fail(origin, row, `chart ${row}: "subcaption" is ${JSON.stringify(text)}, not a target month written YYYY-M`);
  return { year: Number(m[1]), month, date: `${m[1]}-${pad(month)}-01` };
}

/**
 * An `MM/DD` label → the day it stands for. Labels carry no year: a nowcast of month M runs from a few
 * weeks before M to its release in M+1, so the year is the one that puts the day nearest the target.
 */
export function labelDay(label: string, target: { year: number; month: number }): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})$/.exec(label.trim());
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const candidates = [target.year - 1, target.year, target.year + 1].map((y) => ({ y, gap: Math.abs((y - target.year) * 12 + month - target.month) }));
  const year = candidates.sort((a, b) => a.gap - b.gap)[0].y;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A nowcast chart file (`nowcast_month.json` or `nowcast_year.json`: a list of charts, one per target
 * month, each with one data point per business day) → one series per measure. Each day's nowcast is
 * a revision of the target month's value known from that day; a day that repeats the value in force
 * adds nothing, so the store grows with the model's changes, not with the calendar.
 */
export function parseClevelandNowcast(body: unknown, horizon: NowcastHorizon): SeriesBatch[] {
  const origin: Origin = { source: `Cleveland Fed nowcast_${horizon}.json` };
  if (!Array.isArray(body)) fail(origin, undefined, 'the response is not a JSON list of charts');
  const byMeasure = new Map<string, Revision[]>(Object.values(MEASURES).map((m) => [m.idPart, []]));
  const targets = new Set<string>();
  (body as unknown[]).forEach((c, i) => {
    const row = i + 1;
    if (!isObj(c) || !isObj(c.chart)) fail(origin, row, `chart ${row} is not an object with a "chart" field`);
    const target = targetMonth(origin, c.chart.subcaption, row);
    if (targets.has(target.date)) fail(origin, row, `chart ${row}: target month ${target.date.slice(0, 7)} appears twice`);
    targets.add(target.date);
    const cats = Array.isArray(c.categories) && isObj(c.categories[0]) ? (c.categories[0] as Obj).category : undefined;
    if (!Array.isArray(cats)) fail(origin, row, `chart ${row}: "categories[0].category" is missing or not a list`);
    // vline entries mark release days between the dates; they are not categories and carry no data point
    const days = (cats as unknown[])
      .filter((x) => !(isObj(x) && x.vline !== undefined))
      .map((x, k) => {
        const label = isObj(x) ? x.label : undefined;
        const day = typeof label === 'string' ? labelDay(label, target) : undefined;
        if (!day) fail(origin, row, `chart ${row} (${target.date.slice(0, 7)}): date label ${k + 1} is ${JSON.stringify(label)}, not MM/DD`);
        return day;
      });
    if (!Array.isArray(c.dataset)) fail(origin, row, `chart ${row}: "dataset" is missing or not a list`);
    for (const ds of c.dataset as unknown[]) {
      if (!isObj(ds) || typeof ds.seriesname !== 'string') fail(origin, row, `chart ${row}: a dataset has no "seriesname"`);
      const measure = MEASURES[ds.seriesname];
      if (!measure) continue; // "Actual ..." prints and anything the file adds later
      if (!Array.isArray(ds.data)) fail(origin, row, `chart ${row}: dataset "${ds.seriesname}" has no "data" list`);
      if (ds.data.length > days.length) fail(origin, row, `chart ${row}: dataset "${ds.seriesname}" has ${ds.data.length} points for ${days.length} dates`);
      const out = byMeasure.get(measure.idPart)!;
      let last: number | undefined;
      ds.data.forEach((p: unknown, k: number) => {
        const raw = isObj(p) ? p.value : undefined;
        if (raw === undefined || raw === '') return;
        const value = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
        if (!Number.isFinite(value))
          fail({ ...origin, series: clevelandSeriesId(measure.idPart, horizon) }, row, `chart ${row} (${target.date.slice(0, 7)}), ${days[k]}: value ${JSON.stringify(raw)} is not a number`);
        if (value === last) return;
        last = value;
        out.push({ date: target.date, value, realtimeStart: days[k] });
      });
    }
  });
  const h = HORIZONS[horizon];
  return Object.values(MEASURES).map((m) => ({
    meta: {
      id: clevelandSeriesId(m.idPart, horizon),
      name: `Cleveland Fed inflation nowcast: ${m.name}, ${h.what} (vintaged)`,
      unit: h.unit,
      frequency: 'MONTHLY' as const,
      source: { name: 'Federal Reserve Bank of Cleveland, Inflation Nowcasting', url: NOWCAST_PAGE, sourceId: `nowcast_${horizon}.json#${Object.keys(MEASURES).find((k) => MEASURES[k] === m)}` },
      notes: `The Cleveland Fed's daily nowcast of ${m.name} inflation for each month, ${h.what}, until the official print. Each business day's nowcast is a vintage of its target month, known from that day, so asOf gives the nowcast as it stood. An expectation: SURPRISE compares it with ${m.compare}.`,
      expects: h.expects,
    },
    revisions: byMeasure.get(m.idPart)!,
    publication: 'stamped' as const,
  }));
}
