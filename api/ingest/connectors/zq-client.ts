import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { fetchJson, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { zqDescription } from './zq-contracts.js';
import { parseBarchartHistory } from './zq-parser.js';

export function barchartBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.BARCHART_API_URL || 'https://ondemand.websol.barchart.com').replace(/\/+$/, '');
}

/** BARCHART_API_KEY, or when deployed an SSM SecureString named by BARCHART_API_KEY_PARAM (as for FRED). */
export async function barchartApiKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.BARCHART_API_KEY) return env.BARCHART_API_KEY;
  if (env.BARCHART_API_KEY_PARAM) {
    const out = await new SSMClient({}).send(new GetParameterCommand({ Name: env.BARCHART_API_KEY_PARAM, WithDecryption: true }));
    if (out.Parameter?.Value) return out.Parameter.Value;
    throw new Error(`SSM parameter ${env.BARCHART_API_KEY_PARAM} has no value; store the Barchart OnDemand key there`);
  }
  throw new Error('No Barchart key: set BARCHART_API_KEY (Barchart OnDemand, a plan with getHistory for CME futures; see docs/ingest.md) or BARCHART_API_KEY_PARAM naming an SSM parameter');
}

/** One contract's daily settlements from `since` on, or null when Barchart has none (not listed). */
export async function fetchZqContract(contract: string, since: string, opts: { baseUrl: string; apiKey: string; http?: HttpOptions }): Promise<SeriesBatch | null> {
  const q = new URLSearchParams({ apikey: opts.apiKey, symbol: contract, type: 'daily', startDate: since.replaceAll('-', ''), order: 'asc' });
  const body = await fetchJson(`${opts.baseUrl}/getHistory.json?${q}`, { source: 'Barchart getHistory', series: contract }, opts.http);
  const revisions = parseBarchartHistory(body, contract);
  if (revisions === 'no data' || revisions.length === 0) return null;
  const meta = zqDescription(
    contract,
    { name: 'Barchart', url: `https://www.barchart.com/futures/quotes/${contract}`, sourceId: contract },
    'From Barchart OnDemand getHistory (daily close of the contract = its settlement).',
  );
  return { meta, revisions, publication: 'rule' };
}
