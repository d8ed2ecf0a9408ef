// The per-period indicators, and asOf: computed only from what was published on that date.
// Expected values are the source files' numbers with the arithmetic written out here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { sourceColumn } from '../helpers/source-csv.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

async function indicator(args: string) {
  const res = await api.query(`{ indicator(${args}) { name inputs dates values meta } }`);
  expect(res.errors).toBeUndefined();
  return res.data.indicator as { name: string; inputs: string[]; dates: string[]; values: (number | null)[]; meta: Record<string, any> };
}

const closes = new Map(sourceColumn('rut_daily_yahoo.csv', 'Close'));
const close = (d: string) => closes.get(d)!;
const cpi = (vintage: string, d: string) => new Map(sourceColumn(`cpiaucsl_monthly_fred_vintage_${vintage}.csv`, 'CPIAUCSL')).get(d)!;

describe('RETURNS, LOG_RETURNS and SURPRISE', () => {
  it('RETURNS and LOG_RETURNS of RUT include the first day of the range (the previous close is read too)', async () => {
    const r = await indicator('name: RETURNS, inputs: ["RUT"], from: "2024-07-10", to: "2024-07-12"');
    expect(r).toMatchObject({ name: 'RETURNS', inputs: ['RUT'], dates: ['2024-07-10', '2024-07-11', '2024-07-12'] });
    expect(r.values[0]).toBeCloseTo(close('2024-07-10') / close('2024-07-09') - 1, 14);
    expect(r.values[2]).toBeCloseTo(close('2024-07-12') / close('2024-07-11') - 1, 14);
    const l = await indicator('name: LOG_RETURNS, inputs: ["RUT"], from: "2024-07-10", to: "2024-07-12"');
    expect(l.values[1]).toBeCloseTo(Math.log(close('2024-07-11') / close('2024-07-10')), 14);
  });

  it('weekly RETURNS are Friday-to-Friday', async () => {
    const r = await indicator('name: RETURNS, inputs: ["RUT"], frequency: WEEKLY, from: "2024-07-12", to: "2024-07-19"');
    expect(r.dates).toEqual(['2024-07-12', '2024-07-19']);
    expect(r.values[1]).toBeCloseTo(close('2024-07-19') / close('2024-07-12') - 1, 14);
  });

  it('SURPRISE: actual minus "consensus" per reference month (CPIAUCSL against CPIAUCNS, first prints on 2024-08-15)', async () => {
    const nsa = new Map(sourceColumn('cpiaucns_monthly_fred.csv', 'CPIAUCNS'));
    const s = await indicator('name: SURPRISE, inputs: ["CPIAUCSL", "CPIAUCNS"], from: "2024-05-01", to: "2024-07-31", asOf: "2024-08-15"');
    expect(s.dates).toEqual(['2024-05-01', '2024-06-01', '2024-07-01']);
    expect(s.values[1]).toBeCloseTo(cpi('2024-12', '2024-06-01') - nsa.get('2024-06-01')!, 10);
    expect(s.values[2]).toBeCloseTo(cpi('2024-12', '2024-07-01') - nsa.get('2024-07-01')!, 10);
  });
});

describe('asOf: no look-ahead', () => {
  it('CHANGE to 2024-07-31 as of 2024-07-12 ends at the 2024-07-12 close', async () => {
    const c = await indicator('name: CHANGE, inputs: ["RUT"], from: "2024-07-09", to: "2024-07-31", asOf: "2024-07-12"');
    expect(c.meta.end).toEqual({ date: '2024-07-12', value: close('2024-07-12') });
    expect(c.values[0]).toBeCloseTo(close('2024-07-12') / close('2024-07-09') - 1, 12);
  });

  it('CHANGE of CPIAUCSL May→June 2024 uses the first prints as of 2024-08-15 and the revised values without asOf', async () => {
    const first = await indicator('name: CHANGE, inputs: ["CPIAUCSL"], from: "2024-05-01", to: "2024-06-01", asOf: "2024-08-15"');
    expect(first.meta.start.value).toBe(cpi('2024-12', '2024-05-01'));
    expect(first.meta.end.value).toBe(cpi('2024-12', '2024-06-01'));
    expect(first.values[0]).toBeCloseTo(cpi('2024-12', '2024-06-01') / cpi('2024-12', '2024-05-01') - 1, 12);
    const latest = await indicator('name: CHANGE, inputs: ["CPIAUCSL"], from: "2024-05-01", to: "2024-06-01"');
    expect(latest.meta.end.value).toBe(cpi('2026-04', '2024-06-01'));
  });

  it('a rolling correlation as of 2024-07-15 stops at 2024-07-12 (the 07-15 yield is on the H.15 of 07-16) and equals the same window computed later', async () => {
    const asOf = await indicator('name: CORRELATION, inputs: ["RUT", "DGS2"], from: "2024-07-01", to: "2024-07-31", asOf: "2024-07-15"');
    const later = await indicator('name: CORRELATION, inputs: ["RUT", "DGS2"], from: "2024-07-01", to: "2024-07-12"');
    expect(asOf.dates[asOf.dates.length - 1]).toBe('2024-07-12');
    expect(asOf.values).toEqual(later.values);
    expect(asOf.meta.asOf).toBe('2024-07-15');
  });

  it('CHANGE of a rate is in basis points (DGS2 2024-07-01 → 2024-07-31: 4.77 → 4.29 = −48 bp)', async () => {
    const c = await indicator('name: CHANGE, inputs: ["DGS2"], from: "2024-07-01", to: "2024-07-31"');
    expect(c.meta).toMatchObject({ measure: 'BP', unit: 'bp' });
    expect(c.values[0]).toBeCloseTo(-48, 9);
    expect(c.meta.absolute).toBeCloseTo(4.29 - 4.77, 12);
    expect(c.meta.relative).toBeCloseTo(4.29 / 4.77 - 1, 12);
  });
});
