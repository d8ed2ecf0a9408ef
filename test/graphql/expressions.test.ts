import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';

// Expected values: test/graphql/reference/expressions_reference.json, computed with pandas from the
// bundled source files by test/graphql/reference/expressions_reference.py (independent of Tide's code).
const REF = JSON.parse(readFileSync(new URL('./reference/expressions_reference.json', import.meta.url), 'utf8')) as Record<string, { dates: string[]; values: (number | null)[] }>;

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const gql = (s: string) => JSON.stringify(s);

async function obs(id: string, args: string, select = 'dates values') {
  const res = await api.query(`{ series(id: ${gql(id)}) { observations(${args}) { ${select} } } }`);
  expect(res.errors).toBeUndefined();
  return res.data.series.observations as { dates: string[]; values: (number | null)[]; meta: any; seriesId: string };
}

function expectClose(got: { dates: string[]; values: (number | null)[] }, ref: { dates: string[]; values: (number | null)[] }, digits = 10) {
  expect(got.dates).toEqual(ref.dates);
  got.values.forEach((v, i) => expect(v).toBeCloseTo(ref.values[i]!, digits));
}

describe('expressions where a series id goes, against pandas', () => {
  it('RUT / NASDAQCOM: the ratio on the dates both have', async () => {
    expectClose(await obs('RUT / NASDAQCOM', 'from: "2024-07-01", to: "2024-07-31"'), REF['RUT / NASDAQCOM, July 2024']);
  });

  it('DGS2 - DFF: a spread of two rates, in percentage points', async () => {
    const res = await api.query('{ series(id: "DGS2 - DFF") { unit observations(from: "2024-09-01", to: "2024-09-30") { dates values meta } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.series.unit).toBe('Percent');
    expectClose(res.data.series.observations, REF['DGS2 - DFF, 2024-09']);
  });

  it("rebase(basket(…), date) / rebase(…, date): the mega-cap formula's shape on bundled series", async () => {
    const got = await obs('rebase(basket(RUT, QQQ, IWM), "2023-01-03") / rebase(NASDAQCOM, "2023-01-03")', 'from: "2024-12-01", to: "2024-12-31"');
    expectClose(got, REF['rebase(basket(RUT, QQQ, IWM), "2023-01-03") / rebase(NASDAQCOM, "2023-01-03"), Dec 2024'], 9);
  });

  it('basket(…, weights: […]): 100 on the first shared date, weighted daily returns after', async () => {
    expectClose(await obs('basket(RUT, QQQ, weights: [3, 1])', 'from: "2022-01-01", to: "2022-01-07"'), REF['basket(RUT, QQQ, weights: [3, 1]), 2022-01 first week']);
    expectClose(await obs('basket(RUT, QQQ, weights: [3, 1])', 'from: "2024-12-31", to: "2024-12-31"'), REF['basket(RUT, QQQ, weights: [3, 1]), 2024-12-31'], 8);
  });

  it('lag(x, n) reaches before from; log() of a ratio', async () => {
    expectClose(await obs('RUT / lag(RUT, 5) - 1', 'from: "2024-07-01", to: "2024-07-31"'), REF['RUT / lag(RUT, 5) - 1, 2024-07']);
    expectClose(await obs('log(RUT / QQQ)', 'from: "2024-07-31", to: "2024-07-31"'), REF['log(RUT / QQQ), 2024-07-31']);
  });

  it('frequency and transform apply to every operand: weekly returns of RUT minus those of QQQ', async () => {
    expectClose(await obs('RUT - QQQ', 'from: "2024-07-01", to: "2024-07-31", frequency: WEEKLY, transform: PCT_CHANGE'), REF['RUT - QQQ weekly PCT_CHANGE, 2024-07']);
  });
});

describe('expressions as indicator inputs', () => {
  it('CORRELATION over "RUT / QQQ" and DGS2: the ratio is a price (returns), DGS2 a rate (bp changes)', async () => {
    const res = await api.query('{ indicator(name: CORRELATION, inputs: ["RUT / QQQ", "DGS2"], window: 63, from: "2024-07-31", to: "2024-07-31") { dates values } }');
    expect(res.errors).toBeUndefined();
    expectClose(res.data.indicator, REF['CORRELATION(RUT / QQQ, DGS2, 63), 2024-07-31']);
  });

  it("release: FIRST on an expression input looks up each operand's publications", async () => {
    const q = (release: string) => `{ indicator(name: CHANGE, inputs: ["CPIAUCSL / FEDFUNDS"], from: "2024-05-01", to: "2024-06-01", release: ${release}) { values } }`;
    const [first, latest] = await Promise.all([api.query(q('FIRST')), api.query(q('LATEST'))]);
    expect(first.errors).toBeUndefined();
    expect(latest.errors).toBeUndefined();
    expect(first.data.indicator.values[0]).toEqual(expect.any(Number));
  });
});

describe('errors a user can act on, before any read, never a 500', () => {
  const error = async (query: string) => {
    const res = await api.query(query);
    expect(res.status).toBe(200);
    expect(res.errors).toHaveLength(1);
    return res.errors![0] as { message: string; extensions: Record<string, unknown> };
  };

  it('a parse error names the position and what was expected, and nothing is read from the store', async () => {
    await api.query('{ series(id: "RUT") { id } }'); // the key is verified (and kept) first
    const reads = api.store.stats.requests;
    const e = await error('{ series(id: "RUT / (QQQ") { name } }');
    expect(api.store.stats.requests).toBe(reads);
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', position: 11, argumentName: 'id' });
    expect(e.message).toContain('at position 11: expected ")" or an operator (+ - * /), found the end of the expression');
    const e2 = await error('{ indicator(name: CORRELATION, inputs: ["RUT // QQQ", "DGS2"], window: 20) { values } }');
    expect(e2.extensions).toMatchObject({ code: 'BAD_USER_INPUT', position: 6, argumentName: 'inputs' });
    expect(api.store.stats.requests).toBe(reads);
  });

  it('an unknown id inside an expression is NOT_FOUND naming it; a plain unknown id is still null', async () => {
    const e = await error('{ series(id: "RUT / NOPE") { name } }');
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', missing: ['NOPE'] });
    expect(e.message).toContain('No series "NOPE"');
    expect((await api.query('{ series(id: "NOPE") { name } }')).data.series).toBeNull();
    const i = await error('{ indicator(name: RETURNS, inputs: ["NOPE * 2"]) { values } }');
    expect(i.extensions.code).toBe('NOT_FOUND');
  });

  it('division by zero is null on that date and said so in meta', async () => {
    // DFEDTARU (the target range's upper limit) was 5.5 until the cut of 2024-09-18 and 5.0 after it.
    const got = await obs('RUT / (DFEDTARU - 5.5)', 'from: "2024-09-16", to: "2024-09-20"', 'dates values meta');
    expect(got.dates).toEqual(['2024-09-16', '2024-09-17', '2024-09-18', '2024-09-19', '2024-09-20']);
    expect(got.values.slice(0, 3)).toEqual([null, null, null]);
    expect(got.values[3]).toBeCloseTo(2252.7099609375 / -0.5, 6); // RUT's close on 2024-09-19 (rut_daily_yahoo.csv) over 5.00 - 5.5
    expect(got.meta.divisionByZero).toMatchObject({ dates: expect.arrayContaining(['2024-09-16', '2024-09-17', '2024-09-18']) });
  });

  it('a price minus a rate is BAD_USER_INPUT naming both units; as fractions (PCT_CHANGE) they mix', async () => {
    const e = await error('{ series(id: "RUT - DGS2") { observations(from: "2024-07-01") { values } } }');
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', units: ['Index', 'Percent'] });
    expect(e.message).toContain('"Index" and "Percent"');
    const input = await error('{ indicator(name: RETURNS, inputs: ["RUT - DGS2"]) { values } }');
    expect(input.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'inputs', units: ['Index', 'Percent'] });
    expect((await obs('RUT - DGS2', 'from: "2024-07-01", to: "2024-07-05", transform: PCT_CHANGE')).dates).toEqual(['2024-07-01', '2024-07-02', '2024-07-03', '2024-07-05']);
  });

  it('limits: length and number of operands', async () => {
    const long = Array.from({ length: 21 }, () => 'RUT').join(' + ');
    expect((await error(`{ series(id: "${long}") { name } }`)).message).toContain('at most 20 series');
    const huge = `RUT${' + 1'.repeat(200)}`;
    expect((await error(`{ series(id: "${huge}") { name } }`)).message).toContain('at most 500');
    expect((await error(`{ series(id: "${'('.repeat(30)}RUT${')'.repeat(30)}") { name } }`)).message).toContain('levels of nesting');
  });

  it('ids with grammar characters: whole as a plain id, quoted inside an expression', async () => {
    expect((await api.query('{ series(id: "RTY=F") { id } }')).data.series.id).toBe('RTY=F');
    const got = await obs("'RTY=F' / RUT", 'from: "2024-07-01", to: "2024-07-03"', 'seriesId dates values');
    expect(got.seriesId).toBe('"RTY=F" / RUT');
    expect(got.values).toHaveLength(3);
    const e = await error('{ series(id: "RTY=F / RUT") { id } }');
    expect(e.message).toContain('at position 4');
    expect(e.message).toContain("quote an id holding other characters ('RTY=F')");
  });
});

describe('normal form', () => {
  it('"RUT/QQQ" and " RUT  /  QQQ " are one series, RUT / QQQ', async () => {
    const res = await api.query('{ a: series(id: "RUT/QQQ") { id operands { id source { name } } } b: series(id: " RUT  /  QQQ ") { id } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.a.id).toBe('RUT / QQQ');
    expect(res.data.b.id).toBe('RUT / QQQ');
    expect(res.data.a.operands).toEqual([
      { id: 'RUT', source: { name: 'Yahoo Finance' } },
      { id: 'QQQ', source: { name: 'Yahoo Finance' } },
    ]);
  });
});

describe('point in time, latest, vintages and the fields a formula refuses', () => {
  it('asOf and release: FIRST apply to every operand (June 2024 CPI: first print 313.049, revised 313.044)', async () => {
    const june = 'from: "2024-06-01", to: "2024-06-01"';
    expect((await obs('CPIAUCSL / FEDFUNDS', `${june}, asOf: "2024-08-15"`)).values[0]).toBeCloseTo(313.049 / 5.33, 12); // fedfunds_monthly_fred.csv: 5.33
    expect((await obs('CPIAUCSL / FEDFUNDS', june)).values[0]).toBeCloseTo(313.044 / 5.33, 12);
    expect((await obs('CPIAUCSL / FEDFUNDS', `${june}, release: FIRST`)).values[0]).toBeCloseTo(313.049 / 5.33, 12);
  });

  it('an asOf before an operand was published is NO_DATA naming that operand', async () => {
    const res = await api.query('{ series(id: "RUT / CPIAUCSL") { observations(asOf: "2024-02-12") { values } } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'NO_DATA', seriesId: 'CPIAUCSL', earliestVintage: '2024-02-13' });
  });

  it('operands of different frequencies meet at the lowest: CPIAUCSL / DGS2 is monthly', async () => {
    const res = await api.query('{ series(id: "CPIAUCSL / DGS2") { frequency observations(from: "2024-06-01", to: "2024-06-30") { dates values frequency } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data.series.frequency).toBe('MONTHLY');
    // DGS2's June 2024 is its last value of the month (aggregation LAST): 4.71 on 2024-06-28 (dgs2_daily_fred.csv).
    expect(res.data.series.observations.dates).toEqual(['2024-06-01']);
    expect(res.data.series.observations.values[0]).toBeCloseTo(313.044 / 4.71, 12);
  });

  it('latest: the last value both operands have, published when the later of them was', async () => {
    const res = await api.query('{ series(id: "RUT / QQQ") { latest(asOf: "2024-07-20") { date value realtimeStart } vintages } }');
    expect(res.errors).toBeUndefined();
    const got = res.data.series;
    const ratio = await obs('RUT / QQQ', 'from: "2024-07-19", to: "2024-07-19"');
    expect(got.latest).toEqual({ date: '2024-07-19', value: ratio.values[0], realtimeStart: '2024-07-19' });
    const rut = (await api.query('{ series(id: "RUT") { vintages } }')).data.series.vintages as string[];
    expect(got.vintages).toEqual(expect.arrayContaining(rut));
  });

  it('revisions of a formula are BAD_USER_INPUT naming its operands', async () => {
    const res = await api.query('{ series(id: "CPIAUCSL / 100") { revisions(date: "2024-06-01") { value } } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('ask for each operand: CPIAUCSL');
  });

  it('text of id characters is looked up whole first, then read as a formula: DGS2-DFF is the spread', async () => {
    const tight = await obs('DGS2-DFF', 'from: "2024-09-30", to: "2024-09-30"', 'seriesId values');
    expect(tight.seriesId).toBe('DGS2 - DFF');
    expect(tight.values[0]).toBeCloseTo(REF['DGS2 - DFF, 2024-09'].values.at(-1)!, 12);
  });
});
