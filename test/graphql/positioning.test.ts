// positioning over real HTTP. Expected values: the pandas golden file (generate.py) for futures
// only, and the CFTC file's own columns with the arithmetic written out here for the combined report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi } from '../helpers/local-api.js';
import { loadCot, mismatches, reference } from '../indicators/helpers/data.js';

let api: Awaited<ReturnType<typeof startApi>>;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const FIELDS = 'contract group report dates long short spread net longShare pctOfOpenInterest netPctOfOpenInterest openInterest';

async function positioning(args: string) {
  const res = await api.query(`{ positioning(${args}) { ${FIELDS} } }`);
  expect(res.errors).toBeUndefined();
  return res.data.positioning;
}

const JULY = 'from: "2024-07-01", to: "2024-07-21"';

describe('CFTC positioning, Russell E-mini (239742)', () => {
  it('long shares in the first three weeks of July 2024: asset managers 54.3 / 53.1 / 59.2 %, leveraged funds 28.0 / 32.0 / 41.3 %', async () => {
    const am = await positioning(`contract: "239742", group: ASSET_MANAGER, ${JULY}`);
    const lev = await positioning(`contract: "239742", group: LEVERAGED_FUNDS, ${JULY}`);
    expect(am).toMatchObject({ contract: '239742', group: 'ASSET_MANAGER', report: 'FUTURES_ONLY', dates: ['2024-07-02', '2024-07-09', '2024-07-16'] });
    expect(am.long).toEqual([181806, 174652, 207674]);
    expect(am.short).toEqual([153174, 154454, 143374]);
    expect(am.net).toEqual([28632, 20198, 64300]);
    expect(lev.net).toEqual([-89017, -69861, -36043]);
    const ref = reference('positioning_russell_futures_only');
    const at = ref.dates.indexOf('2024-07-02');
    expect(mismatches(am.longShare, ref.ASSET_MANAGER.longShare.slice(at, at + 3))).toEqual([]);
    expect(mismatches(lev.longShare, ref.LEVERAGED_FUNDS.longShare.slice(at, at + 3))).toEqual([]);
    expect(am.longShare.map((x: number) => +x.toFixed(4))).toEqual([0.5427, 0.5307, 0.5916]);
    expect(lev.longShare.map((x: number) => +x.toFixed(4))).toEqual([0.28, 0.32, 0.4128]);
  });

  it.each(['DEALER', 'ASSET_MANAGER', 'LEVERAGED_FUNDS', 'OTHER_REPORTABLES', 'NON_REPORTABLES'])('%s over all of 2024 equals pandas', async (group) => {
    const ref = reference('positioning_russell_futures_only');
    const got = await positioning(`contract: "239742", group: ${group}`);
    expect(got.dates).toEqual(ref.dates);
    for (const field of ['net', 'longShare', 'pctOfOpenInterest', 'netPctOfOpenInterest']) {
      expect(mismatches(got[field], ref[group][field]), field).toEqual([]);
    }
    if (group === 'NON_REPORTABLES') expect(got.spread.every((v: unknown) => v === null)).toBe(true);
    else expect(got.spread.every((v: unknown) => typeof v === 'number')).toBe(true);
  });

  it('the futures-and-options report reads the combined file', async () => {
    const file = 'cftc_tff_russell_emini_2024_fut_and_opt_combined.csv';
    const long = loadCot(file, 'Lev_Money_Positions_Long_All');
    const short = loadCot(file, 'Lev_Money_Positions_Short_All');
    const oi = loadCot(file, 'Open_Interest_All');
    const got = await positioning(`contract: "239742", group: LEVERAGED_FUNDS, report: FUTURES_AND_OPTIONS, ${JULY}`);
    const i = long.dates.indexOf('2024-07-16');
    const [l, s, o] = [long.values[i]!, short.values[i]!, oi.values[i]!];
    expect(got.report).toBe('FUTURES_AND_OPTIONS');
    expect(got.dates[2]).toBe('2024-07-16');
    expect(got.longShare[2]).toBeCloseTo(l / (l + s), 12);
    expect(got.pctOfOpenInterest[2]).toBeCloseTo(l / o, 12);
    expect(got.netPctOfOpenInterest[2]).toBeCloseTo((l - s) / o, 12);
    expect(got.openInterest[2]).toBe(o);
  });

  it('asOf: the 2024-07-16 report is public on Friday 2024-07-19, not before', async () => {
    const before = await positioning(`contract: "239742", group: ASSET_MANAGER, ${JULY}, asOf: "2024-07-18"`);
    expect(before.dates).toEqual(['2024-07-02', '2024-07-09']);
    const on = await positioning(`contract: "239742", group: ASSET_MANAGER, ${JULY}, asOf: "2024-07-19"`);
    expect(on.dates).toEqual(['2024-07-02', '2024-07-09', '2024-07-16']);
  });

  it("a range starting mid-week keeps that week's Tuesday report when it is on or after from", async () => {
    const got = await positioning('contract: "239742", group: DEALER, from: "2024-07-02", to: "2024-07-09"');
    expect(got.dates).toEqual(['2024-07-02', '2024-07-09']);
  });
});
