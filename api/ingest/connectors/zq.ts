import { addDays, isIsoDate } from '../../series/dates.js';
import type { Connector } from '../connector.js';
import type { SeriesBatch } from '../types.js';
import { barchartApiKey, barchartBaseUrl, fetchZqContract } from './zq-client.js';
import { LISTED_MONTHS, listedContracts } from './zq-contracts.js';

export type ZqJob = {
  kind: 'zq';
  /** First trading day to fetch; default a fortnight before `listedOn`, so a missed run is filled by the next. */
  since?: string;
  /** The day whose listed contracts are fetched (default: today, UTC). */
  listedOn?: string;
  /** How many months are listed, the current one first (default CME's 60). */
  months?: number;
};

/** Days read again on every scheduled run: a run that failed is made good by the next ones. */
const OVERLAP_DAYS = 14;
/** Requests in flight at once: the sixty-odd contracts finish in seconds without bursting the quota. */
const PARALLEL = 4;

const today = () => new Date().toISOString().slice(0, 10);

/** Fed funds futures: the daily settlement of every listed ZQ contract, from Barchart OnDemand (BARCHART_API_KEY). */
export const zq: Connector<ZqJob> = {
  kind: 'zq',
  check(job, needs) {
    if (job.since !== undefined) needs('since', (v) => typeof v === 'string' && isIsoDate(v), 'a YYYY-MM-DD day');
    if (job.listedOn !== undefined) needs('listedOn', (v) => typeof v === 'string' && isIsoDate(v), 'a YYYY-MM-DD day');
    if (job.months !== undefined) needs('months', (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 120, 'a whole number of months, 1 to 120');
  },
  describe: (job) => `zq (fed funds futures, ${job.months ?? LISTED_MONTHS} months listed${job.since ? ` since ${job.since}` : ''})`,
  expectedSeries: (job) => (job.months ?? LISTED_MONTHS) + 1,
  async fetch(job, { env, http }) {
    const apiKey = await barchartApiKey(env);
    const listedOn = job.listedOn ?? today();
    const since = job.since ?? addDays(listedOn, -OVERLAP_DAYS);
    const contracts = listedContracts(listedOn, job.months ?? LISTED_MONTHS);
    const opts = { apiKey, http, baseUrl: barchartBaseUrl(env) };
    const found: (SeriesBatch | null)[] = new Array(contracts.length).fill(null);
    let next = 0;
    const worker = async () => {
      for (let k = next++; k < contracts.length; k = next++) found[k] = await fetchZqContract(contracts[k], since, opts);
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    const batches = found.filter((b): b is SeriesBatch => b !== null);
    if (batches.length === 0) {
      throw new Error(`Barchart getHistory has no settlements since ${since} for any of ${contracts[0]} … ${contracts[contracts.length - 1]}; the key's plan may not include CME futures`);
    }
    return batches;
  },
  command: {
    usage: ['  zq [--since YYYY-MM-DD] [--months N]      every listed fed funds futures contract, daily settlements (BARCHART_API_KEY)'],
    options: { since: { type: 'string' }, months: { type: 'string' } },
    build({ values: v, fail }) {
      const since = v.since as string | undefined;
      if (since !== undefined && !isIsoDate(since)) fail('zq: --since must be a YYYY-MM-DD day.');
      const months = v.months === undefined ? undefined : Number(v.months);
      if (months !== undefined && !(Number.isInteger(months) && months >= 1 && months <= 120)) fail('zq: --months must be a whole number from 1 to 120.');
      return { kind: 'zq', ...(since ? { since } : {}), ...(months ? { months } : {}) };
    },
  },
};
