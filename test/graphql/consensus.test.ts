// Release expectations: the bundled consensus example (data/real/consensus_*.csv, its citations in
// data/catalog.json) and the consensus import, through GraphQL. Expected values:
// test/graphql/reference/consensus_surprise_reference.json, from consensus_surprise_reference.py (pandas).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../api/ingest/cli-args.js';
import { runJobs } from '../../api/ingest/run.js';
import reference from './reference/consensus_surprise_reference.json' with { type: 'json' };
import { startApi } from '../helpers/local-api.js';

let api: Awaited<ReturnType<typeof startApi>>;
let work: string;
beforeAll(async () => {
  api = await startApi();
  work = await mkdtemp(join(tmpdir(), 'tide-consensus-'));
});
afterAll(async () => {
  await api.close();
  await rm(work, { recursive: true, force: true });
});

async function indicator(args: string) {
  return api.query(`{ indicator(${args}) { dates values unit meta } }`);
}

describe('bundled consensus and SURPRISE', () => {
  it('searchSeries(text: "consensus") finds both bundled expectations', async () => {
    const res = await api.query('{ searchSeries(text: "consensus") { nodes { id frequency source { name url } } } }');
    const ids = res.data.searchSeries.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining(['CONSENSUS_US_CPI_YOY', 'CONSENSUS_US_GDP_QOQ_SAAR']));
  });

  it('Q2 2024 GDP: the advance estimate 2.8 against the 2.1 consensus is +0.7, as known on 2024-07-26', async () => {
    const res = await indicator('name: SURPRISE, inputs: ["A191RL1Q225SBEA", "CONSENSUS_US_GDP_QOQ_SAAR"], from: "2024-04-01", to: "2024-04-01", asOf: "2024-07-26"');
    expect(res.errors).toBeUndefined();
    expect(res.data.indicator.dates).toEqual(['2024-04-01']);
    expect(res.data.indicator.values[0]).toBeCloseTo(reference.gdp_surprise_2024q2_pp, 10);
    expect(res.data.indicator.unit).toBe('Percent change at annual rate, SAAR');
  });

  it('June 2024 CPI y/y: CPIAUCNS as a 12-month change in percent against the 3.1 consensus (the consensus says it expects YOY)', async () => {
    const res = await indicator('name: SURPRISE, inputs: ["CPIAUCNS", "CONSENSUS_US_CPI_YOY"], from: "2024-06-01", to: "2024-06-01", asOf: "2024-07-26"');
    expect(res.errors).toBeUndefined();
    expect(res.data.indicator.dates).toEqual(['2024-06-01']);
    expect(res.data.indicator.values[0]).toBeCloseTo(reference.cpi_yoy_surprise_2024_06_pp, 10);
    expect(res.data.indicator).toMatchObject({ unit: 'percentage points', meta: { formula: 'YOY(actual) × 100 - consensus', actualTransform: 'YOY' } });
  });

  it('release: FIRST computes the y/y surprise on first prints (June 2024 CPI NSA is never revised, so the same value)', async () => {
    const res = await indicator('name: SURPRISE, inputs: ["CPIAUCNS", "CONSENSUS_US_CPI_YOY"], from: "2024-06-01", to: "2024-06-01", release: FIRST');
    expect(res.errors).toBeUndefined();
    expect(res.data.indicator.values[0]).toBeCloseTo(reference.cpi_yoy_surprise_2024_06_pp, 10);
  });

  it('point in time: before its survey date a consensus is not known (NO_DATA), and the consensus is not reachable through the actual', async () => {
    const early = await indicator('name: SURPRISE, inputs: ["CPIAUCNS", "CONSENSUS_US_CPI_YOY"], from: "2024-06-01", to: "2024-06-01", asOf: "2024-07-10"');
    expect(early.errors?.[0].extensions?.code).toBe('NO_DATA');
    const obs = await api.query('{ series(id: "CONSENSUS_US_GDP_QOQ_SAAR") { observations(asOf: "2024-07-25") { values } } }');
    expect(obs.errors?.[0].extensions?.code).toBe('NO_DATA');
  });
});

describe('consensus import (npm run ingest -- consensus FILE --id ID ...)', () => {
  // a survey revised before the release: the earlier median is what was known in between
  const file = () => join(work, 'nfp.csv');
  beforeAll(async () => {
    await writeFile(file(), 'reference_period,survey_date,value,source\n2024-06,2024-06-28,190,first poll\n2024-06,2024-07-03,188,final poll\n2024-07,2024-08-01,175,\n');
  });

  it('stores each value from its survey date; a later survey of the same period is a revision', async () => {
    const req = parseCli(['consensus', file(), '--id', 'MY_NFP_CONSENSUS', '--name', 'Payrolls change, consensus', '--unit', 'Thousands of persons']);
    const summary = await runJobs(req.jobs!, api.store, { env: {} });
    expect(summary.errors).toEqual([]);
    const q = (asOf: string) => api.query(`{ series(id: "MY_NFP_CONSENSUS") { frequency unit observations(asOf: "${asOf}") { dates values } } }`);
    expect((await q('2024-07-01')).data.series).toMatchObject({ frequency: 'MONTHLY', unit: 'Thousands of persons', observations: { dates: ['2024-06-01'], values: [190] } });
    expect((await q('2024-08-01')).data.series.observations).toEqual({ dates: ['2024-06-01', '2024-07-01'], values: [188, 175] });
    const rev = await api.query('{ series(id: "MY_NFP_CONSENSUS") { revisions(date: "2024-06-01") { value realtimeStart } } }');
    expect(rev.data.series.revisions).toEqual([
      { value: 190, realtimeStart: '2024-06-28' },
      { value: 188, realtimeStart: '2024-07-03' },
    ]);
  });

  it.each([
    ['a missing column', 'period,survey_date,value\n2024-06,2024-07-01,1\n', 'row 1: column "reference_period" is not in the header'],
    ['a bad survey date', 'reference_period,survey_date,value\n2024-06,07/01/2024,1\n', 'row 2: survey_date "07/01/2024" is not a YYYY-MM-DD calendar day'],
    ['a blank value', 'reference_period,survey_date,value\n2024-06,2024-07-01,\n', 'row 2: value "" for 2024-06 is not a number'],
    ['a bad period', 'reference_period,survey_date,value\nJune 2024,2024-07-01,1\n', 'row 2: reference_period "June 2024" is not YYYY-MM-DD, YYYY-MM or YYYYQn'],
    ['a duplicated survey', 'reference_period,survey_date,value\n2024Q2,2024-07-01,1\n2024Q2,2024-07-01,2\n', 'row 3: reference period 2024Q2 surveyed on 2024-07-01 appears twice (also row 2)'],
    ['days without a frequency', 'reference_period,survey_date,value\n2024-06-01,2024-07-01,1\n', 'pass --frequency'],
  ])('refuses %s, naming file and row, and writes nothing', async (_what, text, says) => {
    const bad = join(work, 'bad.csv');
    await writeFile(bad, text);
    const req = parseCli(['consensus', bad, '--id', 'MY_BAD_CONSENSUS']);
    const summary = await runJobs(req.jobs!, api.store, { env: {} });
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0].message).toContain('consensus bad.csv, MY_BAD_CONSENSUS');
    expect(summary.errors[0].message).toContain(says);
    expect(await api.store.getMeta('MY_BAD_CONSENSUS')).toBeNull();
  });

  it('reads quarters written 2024Q2 and months written as days with --frequency', async () => {
    const q = join(work, 'gdp.csv');
    await writeFile(q, 'reference_period,survey_date,value\n2024Q2,2024-07-19,2.0\n2024Q3,2024-10-25,3.0\n');
    const m = join(work, 'cpi.csv');
    await writeFile(m, 'Reference_Period,Survey_Date,Value\n2024-06-01,2024-07-05,3.1\n');
    const summary = await runJobs(
      [...parseCli(['consensus', q, '--id', 'MY_GDP_CONSENSUS']).jobs!, ...parseCli(['consensus', m, '--id', 'MY_CPI_CONSENSUS', '--frequency', 'MONTHLY', '--expects', 'YOY']).jobs!],
      api.store,
      { env: {} },
    );
    expect(summary.errors).toEqual([]);
    const gdp = await api.query('{ series(id: "MY_GDP_CONSENSUS") { frequency observations { dates values } } }');
    expect(gdp.data.series).toEqual({ frequency: 'QUARTERLY', observations: { dates: ['2024-04-01', '2024-07-01'], values: [2.0, 3.0] } });
    const s = await indicator('name: SURPRISE, inputs: ["CPIAUCNS", "MY_CPI_CONSENSUS"], from: "2024-06-01", to: "2024-06-01", asOf: "2024-07-26"');
    expect(s.data.indicator.values[0]).toBeCloseTo(reference.cpi_yoy_surprise_2024_06_pp, 10);
  });

  it('refuses a command without an id or with an unknown --expects', () => {
    expect(() => parseCli(['consensus', file()])).toThrow('consensus: --id is required');
    expect(() => parseCli(['consensus', file(), '--id', 'X', '--expects', 'MOM'])).toThrow('--expects must be one of');
  });
});
