// The add-in sends as GET exactly what the server will mark immutable. Both apply one rule
// (api/graphql/http/answer-policy.ts), the add-in to the fields codegen lists for each operation, the
// server to the fields it resolves; this asks the real local server about every add-in operation, as of
// a settled date, a recent one and none, and compares its Cache-Control with the add-in's verdict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCacheableCall, utcToday } from '../../addin/src/client/cacheable.js';
import { fieldCall, type Operation } from '../../addin/src/client/operation.js';
import { buildBatchQuery, type FieldCall } from '../../addin/src/client/query.js';
import * as generated from '../../addin/src/generated/operations.js';
import { addDays } from '../../api/series/dates.js';
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
}, 60_000);
afterAll(() => api?.close());

const JULY = { from: '2024-07-01', to: '2024-07-31' };
/** Variables each operation is asked with (valid for the bundled dataset); asOf is added below. */
const SAMPLES: Record<string, Record<string, unknown>> = {
  SearchCatalog: { text: 'russell' },
  PaneSearch: { text: 'russell' },
  SeriesInfo: { id: 'RUT' },
  SeriesObservations: { id: 'RUT', ...JULY },
  PaneObservations: { id: 'RUT', ...JULY },
  SeriesLatest: { id: 'RUT' },
  ExplainSeries: { id: 'RUT' },
  SeriesRevisions: { id: 'CPIAUCSL', date: '2024-06-01' },
  Indicator: { name: 'CHANGE', inputs: ['RUT'], ...JULY },
  IndicatorWithMeta: { name: 'CHANGE', inputs: ['RUT'], ...JULY },
  ExplainIndicatorMeta: { name: 'CHANGE', inputs: ['RUT'], ...JULY },
  Positioning: { contract: '239742', group: 'ASSET_MANAGER', ...JULY },
  CutProbabilities: { meeting: '2024-09-18' },
  RatePath: {},
};
const operations = (Object.entries(generated) as [string, unknown][]).filter((e): e is [string, Operation<unknown, object>] => typeof e[1] === 'object' && e[1] !== null && 'selection' in e[1]);

async function cacheControlOf(calls: FieldCall[]): Promise<{ cacheControl: string | null; errors?: unknown[] }> {
  const res = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': api.apiKey }, body: JSON.stringify(buildBatchQuery(calls)) });
  const body = (await res.json()) as { errors?: unknown[] };
  return { cacheControl: res.headers.get('cache-control'), errors: body.errors };
}

describe('which add-in calls are cacheable', () => {
  const today = utcToday();
  const asOfs = { settled: '2024-08-15', recent: addDays(today, -3), none: undefined };

  it("every operation has a sample, and codegen lists each one's fields", () => {
    expect(operations.map(([n]) => n).sort()).toEqual(Object.keys(SAMPLES).sort());
    for (const [, op] of operations) expect(op.fields?.[0]).toMatchObject({ parent: 'Query', name: op.field });
  });

  it("the add-in's verdict is the server's Cache-Control, for every operation as of a settled date, a recent one and none", { timeout: 60_000 }, async () => {
    const verdicts: string[] = [];
    for (const [name, op] of operations) {
      for (const [label, asOf] of Object.entries(asOfs)) {
        if ((name === 'CutProbabilities' || name === 'RatePath') && asOf === undefined) continue; // asOf is required there
        const takesAsOf = op.variables.some((v) => v.name === 'asOf');
        const call = fieldCall(op, { ...SAMPLES[name], ...(takesAsOf ? { asOf } : {}) });
        const predicted = isCacheableCall(call, today);
        const { cacheControl, errors } = await cacheControlOf([call]);
        // (a recent asOf may be past the bundled data: an error, so no-store either way)
        if (predicted || label !== 'recent') expect(errors, `${name} as of ${label}`).toBeUndefined();
        expect({ name, label, immutable: cacheControl?.includes('immutable') }).toEqual({ name, label, immutable: predicted });
        if (predicted) verdicts.push(`${name} ${label}`);
      }
    }
    // The cacheable ones: data as of a settled date, and nothing else.
    expect(verdicts.sort()).toEqual([
      'CutProbabilities settled',
      'ExplainIndicatorMeta settled',
      'Indicator settled',
      'IndicatorWithMeta settled',
      'Positioning settled',
      'RatePath settled',
      'SeriesLatest settled',
      'SeriesObservations settled',
    ]);
  });

  it('a batch is cacheable only if every call in it is: one metadata call makes the whole answer no-store', async () => {
    const pinned = fieldCall(generated.SeriesObservations, { id: 'RUT', ...JULY, asOf: '2024-08-15' });
    const info = fieldCall(generated.SeriesInfo, { id: 'RUT' });
    expect((await cacheControlOf([pinned])).cacheControl).toBe('public, max-age=31536000, immutable');
    expect((await cacheControlOf([pinned, info])).cacheControl).toBe('no-store');
  });

  it("the settling window is the server's: an asOf 8 days back is settled, 7 days back is not", () => {
    const call = (asOf: string) => fieldCall(generated.SeriesLatest, { id: 'RUT', asOf });
    expect(isCacheableCall(call('2026-01-01'), '2026-01-09')).toBe(true);
    expect(isCacheableCall(call('2026-01-02'), '2026-01-09')).toBe(false);
    expect(isCacheableCall({ ...call('2024-01-01'), fields: undefined }, '2026-01-09')).toBe(false); // a call without codegen's field list
  });
});
