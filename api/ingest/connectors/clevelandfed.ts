import type { Connector } from '../connector.js';
import { fetchJson } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { parseClevelandNowcast, type NowcastHorizon } from './clevelandfed-parser.js';

export type ClevelandFedJob = { kind: 'clevelandfed'; horizons?: NowcastHorizon[] };

const ALL: NowcastHorizon[] = ['month', 'year'];

/** Where the nowcast chart files live; CLEVELAND_FED_NOWCAST_URL points elsewhere (a mirror, a test server). */
export function clevelandBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.CLEVELAND_FED_NOWCAST_URL || 'https://www.clevelandfed.org/-/media/files/webcharts/inflationnowcasting').replace(/\/+$/, '');
}

/** The site turns away requests without a browser-like User-Agent. */
const HEADERS = { 'user-agent': 'Mozilla/5.0 (compatible; Tide ingest)', accept: 'application/json' };

/** The Cleveland Fed's inflation nowcasts (CPI, core CPI, PCE, core PCE; m/m and y/y), vintaged by day; no key. */
export const clevelandfed: Connector<ClevelandFedJob> = {
  kind: 'clevelandfed',
  check(job, needs) {
    if (job.horizons !== undefined) needs('horizons', (v) => Array.isArray(v) && v.length > 0 && v.every((h) => ALL.includes(h as NowcastHorizon)), 'a non-empty list of "month" and/or "year"');
  },
  describe: (job) => `clevelandfed ${(job.horizons ?? ALL).join(',')}`,
  expectedSeries: (job) => 4 * (job.horizons ?? ALL).length,
  async fetch(job, { env, http }) {
    const out: SeriesBatch[] = [];
    for (const h of job.horizons ?? ALL) {
      const url = `${clevelandBaseUrl(env)}/nowcast_${h}.json?sc_lang=en`;
      out.push(...parseClevelandNowcast(await fetchJson(url, { source: `Cleveland Fed nowcast_${h}.json` }, { ...http, headers: { ...HEADERS, ...http.headers } }), h));
    }
    return out;
  },
  command: {
    usage: ['  clevelandfed [month|year ...]             Cleveland Fed inflation nowcasts, vintaged (CLEVELAND_FED_NOWCAST_URL)'],
    options: {},
    build({ args, fail }) {
      const bad = args.find((a) => !ALL.includes(a as NowcastHorizon));
      if (bad) fail(`clevelandfed: "${bad}" is not a horizon; give month and/or year (default both).`);
      return { kind: 'clevelandfed', ...(args.length ? { horizons: args as NowcastHorizon[] } : {}) };
    },
  },
};
