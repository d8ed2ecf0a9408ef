import { readFile } from 'node:fs/promises';
import type { Job } from './jobs.js';

const KINDS = ['fred', 'cftc', 'stooq', 'alphavantage', 'csv', 'polls'];

/** Checks the shape of a config so a typo fails before any request is made, naming the job. */
export function parseConfig(json: unknown, name = 'ingest.config.json'): Job[] {
  const jobs = (json as { jobs?: unknown })?.jobs;
  if (!Array.isArray(jobs)) throw new Error(`${name}: expected {"jobs": [...]}`);
  jobs.forEach((job: Record<string, unknown>, i) => {
    const where = `${name}: jobs[${i}]`;
    if (!KINDS.includes(job?.kind as string)) throw new Error(`${where}: "kind" must be one of ${KINDS.join(', ')}`);
    const needs = (field: string, test: (v: unknown) => boolean, what: string) => {
      if (!test(job[field])) throw new Error(`${where} (${String(job.kind)}): "${field}" must be ${what}`);
    };
    const ids = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');
    if (job.kind === 'fred' || job.kind === 'stooq' || job.kind === 'alphavantage') needs('series', ids, 'a non-empty list of series ids');
    if (job.kind === 'cftc') needs('contract', (v) => typeof v === 'string', 'a contract code string such as "239742"');
    if (job.kind === 'csv' || job.kind === 'polls') needs('file', (v) => typeof v === 'string', 'a file path relative to the repository');
    if (job.kind === 'polls' && job.states !== undefined) needs('states', (v) => typeof v === 'boolean', 'true or false');
    if (job.kind === 'alphavantage' && job.outputSize !== undefined) needs('outputSize', (v) => v === 'compact' || v === 'full', '"compact" (default) or "full" (premium keys only)');
    if (job.kind === 'csv') {
      needs('dateColumn', (v) => typeof v === 'string', 'the name of the date column');
      needs('columns', (v) => Array.isArray(v) && v.length > 0 && v.every((c) => typeof c?.column === 'string' && typeof c?.id === 'string'), 'a list of {"column", "id"}');
    }
  });
  return jobs as Job[];
}

export async function loadConfig(path: string): Promise<Job[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`${path}: cannot read the ingest config; create it (see docs/ingest.md)`);
  }
  try {
    return parseConfig(JSON.parse(text), path);
  } catch (e) {
    if (e instanceof SyntaxError) throw new Error(`${path}: not valid JSON (${e.message})`);
    throw e;
  }
}
