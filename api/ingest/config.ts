import { readFile } from 'node:fs/promises';
import { CONNECTORS, connectorNamed } from './connectors/index.js';
import type { Job } from './jobs.js';

const KINDS = CONNECTORS.map((c) => c.kind);

/** Checks the shape of a config so a typo fails before any request is made, naming the job. */
export function parseConfig(json: unknown, name = 'ingest.config.json'): Job[] {
  const jobs = (json as { jobs?: unknown })?.jobs;
  if (!Array.isArray(jobs)) throw new Error(`${name}: expected {"jobs": [...]}`);
  jobs.forEach((job: Record<string, unknown>, i) => {
    const where = `${name}: jobs[${i}]`;
    const connector = connectorNamed(job?.kind);
    if (!connector) throw new Error(`${where}: "kind" must be one of ${KINDS.join(', ')}`);
    connector.check(job, (field, test, what) => {
      if (!test(job[field])) throw new Error(`${where} (${String(job.kind)}): "${field}" must be ${what}`);
    });
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
