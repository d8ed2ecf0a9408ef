import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { fetchJson, type HttpOptions } from '../http.js';
import type { SeriesBatch } from '../types.js';
import { archiveNote, parseFredObservations, parseFredSeries } from './fred-parser.js';

export interface FredOptions {
  baseUrl?: string;
  apiKey: string;
  http?: HttpOptions;
}

/** FRED's page size maximum for observations. */
const PAGE = 100_000;
/** The widest real-time period FRED accepts: asks for every vintage ever published. */
const ALL_VINTAGES = { realtime_start: '1776-07-04', realtime_end: '9999-12-31' };

export function fredBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.FRED_API_URL || 'https://api.stlouisfed.org/fred').replace(/\/+$/, '');
}

/**
 * The key comes from FRED_API_KEY, or when deployed from SSM Parameter Store (FRED_API_KEY_PARAM,
 * a SecureString) so it never sits in the function's environment in clear.
 */
export async function fredApiKey(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (env.FRED_API_KEY) return env.FRED_API_KEY;
  if (env.FRED_API_KEY_PARAM) {
    const ssm = new SSMClient({});
    const out = await ssm.send(new GetParameterCommand({ Name: env.FRED_API_KEY_PARAM, WithDecryption: true }));
    if (out.Parameter?.Value) return out.Parameter.Value;
    throw new Error(`SSM parameter ${env.FRED_API_KEY_PARAM} has no value; store the FRED API key there`);
  }
  throw new Error('No FRED API key: set FRED_API_KEY (free at https://fredaccount.stlouisfed.org/apikeys) or FRED_API_KEY_PARAM naming an SSM parameter');
}

function url(base: string, path: string, params: Record<string, string | number>): string {
  const q = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return `${base}${path}?${q}`;
}

/** One series: metadata plus observations, with every vintage when `vintages` is set. */
export async function fetchFredSeries(seriesId: string, vintages: boolean, opts: FredOptions): Promise<SeriesBatch> {
  const base = (opts.baseUrl ?? fredBaseUrl()).replace(/\/+$/, '');
  const common = { series_id: seriesId, api_key: opts.apiKey, file_type: 'json' };
  const meta = parseFredSeries(await fetchJson(url(base, '/series', common), { source: 'FRED /series', series: seriesId }, opts.http), seriesId);
  const revisions = [];
  for (let offset = 0; ; offset += PAGE) {
    const params = { ...common, ...(vintages ? ALL_VINTAGES : {}), output_type: 1, limit: PAGE, offset };
    const body = await fetchJson(url(base, '/series/observations', params), { source: 'FRED /series/observations', series: seriesId }, opts.http);
    const page = parseFredObservations(body, seriesId, offset + 1);
    revisions.push(...page.revisions);
    if (page.revisions.length === 0 || offset + page.revisions.length >= page.count) break;
  }
  if (!vintages) return { meta, revisions, publication: 'rule' };
  // ALFRED's own realtime_start stamps are history: stored as delivered, never re-dated
  const note = archiveNote(revisions);
  return { meta: note ? { ...meta, notes: [meta.notes, note].filter(Boolean).join('\n\n') } : meta, revisions, publication: 'stamped' };
}
