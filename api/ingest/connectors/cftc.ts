import type { Connector } from '../connector.js';
import { cftcBaseUrl, fetchCftcSeries } from './cftc-client.js';
import { CFTC_FIELDS, type CftcReport } from './cftc-parser.js';

export type CftcJob = { kind: 'cftc'; contract: string; reports?: CftcReport[] };

const reportsOf = (job: CftcJob): CftcReport[] => job.reports ?? ['F', 'C'];

/** CFTC Traders in Financial Futures for one contract: every field of the futures-only and/or combined report. */
export const cftc: Connector<CftcJob> = {
  kind: 'cftc',
  check(_job, needs) {
    needs('contract', (v) => typeof v === 'string', 'a contract code string such as "239742"');
  },
  describe: (job) => `cftc ${job.contract} ${reportsOf(job).join('+')}`,
  expectedSeries: (job) => reportsOf(job).length * Object.keys(CFTC_FIELDS).length,
  fetch: (job, { env, http }) =>
    fetchCftcSeries(job.contract, reportsOf(job), { http, baseUrl: cftcBaseUrl(env), appToken: env.CFTC_APP_TOKEN, pageSize: env.CFTC_PAGE_SIZE ? Number(env.CFTC_PAGE_SIZE) : undefined }),
  command: {
    usage: ['  cftc <CONTRACT_CODE> [--report F|C]       CFTC TFF, futures only (F) and/or combined (C); both by default'],
    options: { report: { type: 'string', multiple: true } },
    build({ values, fail, one }) {
      const reports = ((values.report as string[] | undefined) ?? ['F', 'C']).map((r) => (r === 'F' || r === 'C' ? r : fail(`cftc: --report must be F or C, not "${r}".`))) as CftcReport[];
      return { kind: 'cftc', contract: one('contract code'), reports };
    },
  },
};
