// The strategist's conventions through the Excel functions (the built bundle in headless chromium,
// the real local server over the bundled data): each series on its own observations, rates in
// basis points, fractions everywhere, honest periods, one rule for "nothing there", asOf before
// the earliest vintage said. Expected values: pandas (test/indicators/reference/generate.py) or the
// source files with the arithmetic written out.
import { describe, expect, it } from 'vitest';
import { useFunctionsSheet } from '../helpers/functions-sheet.js';
import { mismatches, reference } from '../indicators/helpers/data.js';
import { closes, excelSerial } from '../../support/browser/data.js';
import { sourceColumn } from '../helpers/source-csv.js';

const sheet = useFunctionsSheet();
const recalc = sheet.recalc;

/** A spilled value column with empty cells as null, as the reference files hold missing values. */
const valuesOf = (m: unknown) => (m as unknown[][]).map((r) => (r[1] === '' ? null : (r[1] as number)));
const cpi = new Map(sourceColumn('cpiaucsl_monthly_fred_vintage_2026-04.csv', 'CPIAUCSL')); // the latest vintage bundled

/** The reference rows dated within [from, to], as Excel spills them. */
function rows(ref: { dates: string[]; values: (number | null)[] }, from: string, to: string) {
  return ref.dates.flatMap((d, i) => (d >= from && d <= to ? [[excelSerial(d), ref.values[i]] as const] : []));
}

describe("alignment on each series' own observations", () => {
  it('VOL of NASDAQCOM over 250 days has a value on every date of 2023-06 … 2024-12, equal to pandas', async () => {
    const [vol] = await recalc([['VOL', ['NASDAQCOM', 250, '2023-06-01', '2024-12-31']]]);
    const got = vol.value as [number, number][];
    const expected = rows(reference('volatility_nasdaqcom_250'), '2023-06-01', '2024-12-31');
    expect(got.length).toBe(reference('volatility_nasdaqcom_250_coverage').dates);
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    expect(got.every((r) => typeof r[1] === 'number')).toBe(true);
    expect(
      mismatches(
        got.map((r) => r[1]),
        expected.map((r) => r[1]),
      ),
    ).toEqual([]);
  });

  it('the NASDAQCOM change on 2024-07-05 is measured from 07-03 across the holiday', async () => {
    const [pct] = await recalc([['SERIES', ['NASDAQCOM', '2024-07-05', '2024-07-05', null, 'PCT_CHANGE']]]);
    const ndq = closes('nasdaqcom_daily_fred.csv');
    const v = (d: string) => ndq.values[ndq.dates.indexOf(d)];
    expect(pct.value).toEqual([[excelSerial('2024-07-05'), expect.closeTo(v('2024-07-05') / v('2024-07-03') - 1, 12)]]);
  });

  it('CHANGE from the 07-04 holiday to 07-05 starts from the 07-03 close; the LOG_RETURN transform spans the gap too', async () => {
    const [change, log] = await recalc([
      ['CHANGE', ['NASDAQCOM', '2024-07-04', '2024-07-05']],
      ['SERIES', ['NASDAQCOM', '2024-07-05', '2024-07-05', null, 'LOG_RETURN']],
    ]);
    const ndq = closes('nasdaqcom_daily_fred.csv');
    const v = (d: string) => ndq.values[ndq.dates.indexOf(d)];
    expect(change.value).toBeCloseTo(v('2024-07-05') / v('2024-07-03') - 1, 12);
    expect(change.value).toBeCloseTo(0.00904207649972788, 12);
    expect(log.value).toEqual([[excelSerial('2024-07-05'), expect.closeTo(Math.log(v('2024-07-05') / v('2024-07-03')), 12)]]);
  });

  it('VOL with options "min=60" (minObservations) equals pandas rolling(250, min_periods=60) from its first value on', async () => {
    const [vol, bare] = await recalc([
      ['VOL', ['NASDAQCOM', 250, '2022-03-01', '2022-12-31', null, 'min=60']],
      ['VOL', ['NASDAQCOM', 250, '2022-03-01', '2022-12-31', null, 60]], // a number cell
    ]);
    const ref = reference('volatility_nasdaqcom_250_min_60');
    const expected = rows(ref, '2022-03-01', '2022-12-31');
    const got = vol.value as unknown[][];
    expect(got.map((r) => r[0])).toEqual(expected.map((r) => r[0]));
    expect(
      mismatches(
        valuesOf(got),
        expected.map((r) => r[1]),
      ),
    ).toEqual([]);
    // NASDAQCOM's 60th return is in late March 2022: values from then on, where the full window has none in 2022.
    expect(valuesOf(got).filter((v) => v !== null).length).toBeGreaterThan(150);
    expect(bare.value).toEqual(vol.value);
  });

  it('a minObservations above the window, or below 2, is #VALUE! naming options and the window', async () => {
    const [above, one, word] = await recalc([
      ['VOL', ['NASDAQCOM', 250, null, null, null, 'min=300']],
      ['CORR', ['RUT', 'DGS2', 63, null, null, null, 'min=1']],
      ['BETA', ['RUT', 'NASDAQCOM', 60, null, null, null, 'fast']],
    ]);
    expect(above.error).toMatchObject({ code: '#VALUE!', message: 'options: min=300: the fewest observations a window needs must be a whole number from 2 to the window (250)' });
    expect(one.error).toMatchObject({ code: '#VALUE!', message: 'options: min=1: the fewest observations a window needs must be a whole number from 2 to the window (63)' });
    expect(word.error?.code).toBe('#VALUE!');
    expect(word.error?.message).toMatch(/^options: "fast" is not an option; use min=N/);
  });

  it('CORR of RUT with DGS2 over 250 days has a value on every common date of 2023-06 … 2024-12', async () => {
    const [corr] = await recalc([['CORR', ['RUT', 'DGS2', 250, '2023-06-01', '2024-12-31']]]);
    const got = corr.value as [number, number][];
    const expected = rows(reference('correlation_rut_dgs2_250'), '2023-06-01', '2024-12-31');
    expect(got.length).toBe(expected.length);
    expect(
      mismatches(
        got.map((r) => r[1]),
        expected.map((r) => r[1]),
      ),
    ).toEqual([]);
  });
});

describe('units', () => {
  it('VOL of DGS2 is in basis points a year: 97.88 at 2024-12-31', async () => {
    const [vol] = await recalc([['VOL', ['DGS2', 250, '2024-12-31', '2024-12-31']]]);
    const ref = reference('volatility_dgs2_250_bp');
    expect(vol.value).toEqual([[excelSerial('2024-12-31'), expect.closeTo(ref.values.at(-1), 9)]]);
    expect((vol.value as number[][])[0][1]).toBeCloseTo(97.88, 2);
  });

  it("CHANGE and run-ups are fractions (format as %); a rate's CHANGE is in bp", async () => {
    const [runup, change, dgs2] = await recalc([
      ['CHANGE', ['RUT', '2024-07-09', '2024-12-31', 'MAX_RUNUP']],
      ['CHANGE', ['RUT', '2024-07-09', '2024-07-16']],
      ['CHANGE', ['DGS2', '2024-07-01', '2024-07-31']],
    ]);
    const ref = reference('runup_rut').since_2024_07_09;
    expect(runup.value).toBeCloseTo(ref.runup.value, 12);
    expect(runup.value).toBeCloseTo(0.2033, 4);
    expect(change.value).toBeCloseTo(0.1154, 4);
    expect(dgs2.value).toBeCloseTo(-48, 9); // 4.77 % → 4.29 %
  });

  it('RELVOL of a price against a rate is #VALUE!: like with like', async () => {
    const [relvol] = await recalc([['RELVOL', ['RUT', 'DGS2', 13]]]);
    expect(relvol.error?.code).toBe('#VALUE!');
    expect(relvol.error?.message).toMatch(/RUT moves in returns \(a price\) and DGS2 in basis points \(a rate\)/);
  });

  it('SERIES YOY is a fraction: June 2024 CPI over June 2023', async () => {
    const [yoy] = await recalc([['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'YOY']]]);
    expect(yoy.value).toEqual([[excelSerial('2024-06-01'), expect.closeTo(cpi.get('2024-06-01')! / cpi.get('2023-06-01')! - 1, 12)]]);
  });

  it('POSITIONING shares of open interest are fractions, like the long share', async () => {
    const [oi] = await recalc([['POSITIONING', ['239742', 'ASSET_MANAGER', '2024-07-16', '2024-07-16', 'PCT_OF_OPEN_INTEREST']]]);
    const [[, share]] = oi.value as [number, number][];
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.45);
  });

  it("CUTPROB under CME's day count: 78.5 % for a 25 bp September cut on 2024-07-10, 98.5 % / 1.5 % on 07-12", async () => {
    const [before, after] = await recalc([
      ['CUTPROB', ['2024-09-18', '2024-07-10']],
      ['CUTPROB', ['2024-09-18', '2024-07-12']],
    ]);
    const byChange = (m: unknown) => new Map((m as number[][]).map((r) => [r[2], r[3]]));
    // r_end − DFF = (30/13)·(avg − DFF): 07-10 → −0.7846 steps; 07-12 → −1.0154 steps
    expect(byChange(before.value).get(-25)).toBeCloseTo(((5.33 - 5.245) * 30) / 13 / 0.25, 9);
    expect(byChange(before.value).get(0)).toBeCloseTo(1 - ((5.33 - 5.245) * 30) / 13 / 0.25, 9);
    expect(byChange(after.value).get(-25)).toBeCloseTo(1 - (((5.33 - 5.22) * 30) / 13 / 0.25 - 1), 9);
    expect(byChange(after.value).get(-50)).toBeCloseTo(((5.33 - 5.22) * 30) / 13 / 0.25 - 1, 9);
  });
});

describe('periods, empty ranges and asOf', () => {
  it('a weekly SERIES ends with the last complete week, never a future Friday', async () => {
    const [weeks] = await recalc([['SERIES', ['RUT', '2024-12-01', null, 'WEEKLY']]]);
    const got = weeks.value as number[][];
    expect(got.at(-1)![0]).toBe(excelSerial('2024-12-27'));
  });

  it('ANNUALIZED of daily data is #VALUE! naming what to do instead', async () => {
    const [annualized] = await recalc([['SERIES', ['RUT', '2024-07-01', '2024-07-31', null, 'ANNUALIZED']]]);
    expect(annualized.error?.code).toBe('#VALUE!');
    expect(annualized.error?.message).toMatch(/MONTHLY or QUARTERLY.*PCT_CHANGE/);
  });

  it("ANNUALIZED of monthly data is FRED's compounded annual rate, (x_t / x_t-1)^12 − 1", async () => {
    const [annualized] = await recalc([['SERIES', ['CPIAUCSL', '2024-06-01', '2024-06-01', null, 'ANNUALIZED']]]);
    expect(annualized.value).toEqual([[excelSerial('2024-06-01'), expect.closeTo((cpi.get('2024-06-01')! / cpi.get('2024-05-01')!) ** 12 - 1, 12)]]);
  });

  it("a quarter missing one of its months is empty (FRED's rule): CPIAUCSL Q4 2025 has no October", async () => {
    const [quarters] = await recalc([['SERIES', ['CPIAUCSL', '2025-01-01', null, 'Q']]]);
    const got = quarters.value as unknown[][];
    expect(got.map((r) => r[0])).toEqual(['2025-01-01', '2025-04-01', '2025-07-01', '2025-10-01'].map(excelSerial));
    expect(got.at(-1)![1]).toBe('');
    expect(got[2][1]).toBeCloseTo(cpi.get('2025-09-01')!, 12); // LAST of Q3
  });

  it('a window longer than the common changes of a pair is #VALUE!, counted after the gaps are dropped', async () => {
    const [corr] = await recalc([['CORR', ['RUT', 'DGS2', 749]]]);
    expect(corr.error?.code).toBe('#VALUE!');
    expect(corr.error?.message).toMatch(/window \(749\) is longer than the 747 changes on the dates RUT and DGS2 share/);
  });

  it('a window longer than the returns used is #VALUE!', async () => {
    const [vol] = await recalc([['VOL', ['RUT', 753]]]);
    expect(vol.error?.code).toBe('#VALUE!');
    expect(vol.error?.message).toMatch(/753.*752 returns of RUT/);
  });

  it('nothing in the range is #N/A saying where the data are, for series and indicators alike', async () => {
    const [series, vol, positioning, corr] = await recalc([
      ['SERIES', ['RUT', '2030-01-01']],
      ['VOL', ['RUT', 20, '2030-01-01']],
      ['POSITIONING', ['239742', 'DEALER', '2030-01-01']],
      ['CORR', ['RUT', 'DGS2', 20, '2030-01-01']],
    ]);
    for (const r of [series, vol, positioning, corr]) {
      expect(r.error?.code).toBe('#N/A');
      expect(r.error?.message).toMatch(/no values in 2030-01-01/);
    }
  });

  it('CUTPROB with no futures price for the meeting is #N/A naming the contract', async () => {
    const [cut] = await recalc([['CUTPROB', ['2025-01-29', '2024-07-10']]]);
    expect(cut.error?.code).toBe('#N/A');
    expect(cut.error?.message).toMatch(/no fed funds futures price on 2024-07-10 for ZQF25/);
  });

  it('asOf before the earliest vintage held is #N/A naming that vintage', async () => {
    const vintages = (
      await (
        await fetch(`${sheet.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': sheet.server.apiKey },
          body: JSON.stringify({ query: '{ series(id: "CPIAUCSL") { vintages } }' }),
        })
      ).json()
    ).data.series.vintages as string[];
    const [series, value, vol, change] = await recalc([
      ['SERIES', ['CPIAUCSL', null, null, null, null, '2020-01-01']],
      ['VALUE', ['CPIAUCSL', null, '2020-01-01']],
      ['VOL', ['CPIAUCSL', 12, null, null, null, null, '2020-01-01']],
      ['CHANGE', ['CPIAUCSL', '2019-01-01', null, null, '2020-01-01']],
    ]);
    for (const r of [series, value, vol, change]) {
      expect(r.error?.code).toBe('#N/A');
      expect(r.error?.message).toContain(`earliest vintage held is ${vintages[0]}`);
    }
  });
});
