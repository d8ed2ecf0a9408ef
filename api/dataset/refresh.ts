import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Job } from '../ingest/jobs.js';
import { pollSeriesId } from '../ingest/connectors/polls-client.js';
import type { RunSummary } from '../ingest/run.js';
import { CFTC_FIELDS, cftcSeriesId, type CftcField, type CotReportCode } from '../series/cftc-fields.js';
import type { Catalog } from './catalog.js';

/** The jobs that bring the bundled series up to date, and the series no source can refresh (with why). */
export interface RefreshPlan {
  jobs: { job: Job; ids: string[] }[];
  skipped: { ids: string[]; why: string }[];
}

export async function readCatalog(dataDir: string): Promise<Catalog> {
  return JSON.parse(await readFile(join(dataDir, 'catalog.json'), 'utf8')) as Catalog;
}

/** Every series id the bundled dataset holds, in catalog order. */
export function bundledIds(catalog: Catalog): string[] {
  const cftc = catalog.cftc.flatMap((c) => (Object.keys(CFTC_FIELDS) as CftcField[]).map((f) => cftcSeriesId(c.contract, c.report, f)));
  const polls = catalog.polls ? catalog.polls.candidates.map((c) => pollSeriesId(c)) : [];
  return [...catalog.series.map((s) => s.id), ...cftc, ...polls];
}

/** Pure: catalog → one job per source (FRED with and without vintages, Stooq, CFTC per contract, the listed ZQ contracts). */
export function refreshPlan(catalog: Catalog): RefreshPlan {
  const fredVintages: string[] = [];
  const fredCurrent: string[] = [];
  const stooq: string[] = [];
  const skipped: RefreshPlan['skipped'] = [];
  for (const s of catalog.series) {
    const r = s.refresh;
    if ('none' in r) skipped.push({ ids: [s.id], why: r.none });
    else if (r.kind === 'stooq') stooq.push(s.id);
    else (r.vintages ? fredVintages : fredCurrent).push(s.id);
  }
  const jobs: RefreshPlan['jobs'] = [];
  if (fredVintages.length) jobs.push({ job: { kind: 'fred', series: fredVintages, vintages: true }, ids: fredVintages });
  if (fredCurrent.length) jobs.push({ job: { kind: 'fred', series: fredCurrent }, ids: fredCurrent });
  if (stooq.length) jobs.push({ job: { kind: 'stooq', series: stooq }, ids: stooq });
  const contracts = new Map<string, CotReportCode[]>();
  for (const c of catalog.cftc) contracts.set(c.contract, [...(contracts.get(c.contract) ?? []), c.report]);
  for (const [contract, reports] of contracts) {
    const ids = reports.flatMap((r) => (Object.keys(CFTC_FIELDS) as CftcField[]).map((f) => cftcSeriesId(contract, r, f)));
    jobs.push({ job: { kind: 'cftc', contract, reports }, ids });
  }
  // The bundled ZQ contracts have expired; what refreshes them is every contract listed today.
  if (catalog.series.some((s) => /^ZQ[FGHJKMNQUVXZ]\d{2}$/.test(s.id))) jobs.push({ job: { kind: 'zq' }, ids: ['every listed ZQ contract'] });
  if (catalog.polls) {
    const ids = catalog.polls.candidates.map((c) => pollSeriesId(c));
    skipped.push({ ids, why: catalog.polls.refresh && 'none' in catalog.polls.refresh ? catalog.polls.refresh.none : 'no live source' });
  }
  return { jobs, skipped };
}

const list = (ids: string[]) => (ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', '));

/** What a refresh reached and what it could not, one line per job or skipped group. */
export function refreshReport(plan: RefreshPlan, summary: RunSummary, describe: (job: Job) => string): string[] {
  // a job failed as a whole when its error names no series; a failed series of a reached job is listed apart
  const failed = new Map(summary.errors.filter((e) => !e.series).map((e) => [e.job, e.message]));
  const lines: string[] = [];
  const reached = plan.jobs.filter((j) => !failed.has(describe(j.job)));
  const missed = plan.jobs.filter((j) => failed.has(describe(j.job)));
  lines.push(`Refreshed from their sources: ${reached.length ? list(reached.flatMap((j) => j.ids)) : 'none'}`);
  if (missed.length || plan.skipped.length || summary.errors.some((e) => e.series)) lines.push('Could not refresh:');
  for (const j of missed) lines.push(`  - ${list(j.ids)}: ${failed.get(describe(j.job))}`);
  for (const s of plan.skipped) lines.push(`  - ${list(s.ids)}: ${s.why}`);
  for (const e of summary.errors) if (e.series) lines.push(`  - ${e.series}: ${e.message}`);
  return lines;
}
