// Expected values come from pandas (test/indicators/reference/generate.py over data/real/).
import { describe, expect, it } from 'vitest';
import { change } from '../../api/indicators/change.js';
import { maxDrawdown, maxRunup } from '../../api/indicators/runup.js';
import { positioning, positioningSeriesIds, type TraderGroup } from '../../api/indicators/positioning.js';
import { surprise } from '../../api/indicators/surprise.js';
import { loadColumn, loadCot, mismatches, reference } from './helpers/data.js';

const rut = loadColumn('rut_daily_yahoo.csv', 'Close');
const close = (a: number | null, b: number) => expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(1e-9 * Math.abs(b));

describe('change, run-up and drawdown of RUT against pandas', () => {
  it('change from a Saturday uses the Friday close', () => {
    const ref = reference('change_rut');
    const got = change(rut, ref.from, ref.to);
    expect(got.start.date).toBe('2024-07-05');
    expect(got.end.date).toBe(ref.endDate);
    close(got.absolute, ref.absolute);
    close(got.percent! / 100, ref.relative);
  });

  it.each([
    ['since_2024_07_09', '2024-07-09', '2024-12-31'],
    ['whole_2022_2024', undefined, undefined],
  ] as const)('run-up and drawdown, %s', (key, from, to) => {
    const ref = reference('runup_rut')[key];
    const up = maxRunup(rut, from, to);
    close(up.value, ref.runup.value);
    expect([up.fromDate, up.toDate]).toEqual([ref.runup.fromDate, ref.runup.toDate]);
    const down = maxDrawdown(rut, from, to);
    close(down.value, ref.drawdown.value);
    expect([down.fromDate, down.toDate]).toEqual([ref.drawdown.fromDate, ref.drawdown.toDate]);
  });

  it('skips missing values and reports 0 for a range that only falls', () => {
    const s = { dates: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], values: [10, null, 8, 6] };
    expect(maxRunup(s)).toMatchObject({ value: 0, fromDate: '2024-01-01', toDate: '2024-01-01' });
    expect(maxDrawdown(s)).toMatchObject({ value: -0.4, fromDate: '2024-01-01', toDate: '2024-01-04' });
  });
});

describe('CFTC positioning in Russell E-mini futures against pandas', () => {
  const file = 'cftc_tff_russell_emini_2024_futures_only.csv';
  const stems: Record<TraderGroup, string> = {
    DEALER: 'Dealer',
    ASSET_MANAGER: 'Asset_Mgr',
    LEVERAGED_FUNDS: 'Lev_Money',
    OTHER_REPORTABLES: 'Other_Rept',
    NON_REPORTABLES: 'NonRept',
  };
  const ref = reference('positioning_russell_futures_only');

  it.each(Object.keys(stems) as TraderGroup[])('%s', (group) => {
    const stem = stems[group];
    const got = positioning({
      long: loadCot(file, `${stem}_Positions_Long_All`),
      short: loadCot(file, `${stem}_Positions_Short_All`),
      spread: group === 'NON_REPORTABLES' ? null : loadCot(file, `${stem}_Positions_Spread_All`),
      openInterest: loadCot(file, 'Open_Interest_All'),
    });
    expect(got.dates).toEqual(ref.dates);
    for (const k of ['net', 'longShare', 'pctOfOpenInterest', 'netPctOfOpenInterest'] as const) {
      expect(mismatches(got[k], ref[group][k])).toEqual([]);
    }
    if (group === 'NON_REPORTABLES') expect(got.spread.every((v) => v === null)).toBe(true);
    else expect(got.spread.every((v) => typeof v === 'number')).toBe(true);
  });

  it('names the series ids of a group', () => {
    expect(positioningSeriesIds('239742', 'ASSET_MANAGER')).toEqual({
      long: 'CFTC_239742_F_ASSET_MGR_LONG',
      short: 'CFTC_239742_F_ASSET_MGR_SHORT',
      spread: 'CFTC_239742_F_ASSET_MGR_SPREAD',
      openInterest: 'CFTC_239742_F_OPEN_INTEREST',
    });
    expect(positioningSeriesIds('239742', 'NON_REPORTABLES', 'FUTURES_AND_OPTIONS').spread).toBeNull();
    expect(positioningSeriesIds('239742', 'LEVERAGED_FUNDS', 'FUTURES_AND_OPTIONS').long).toBe('CFTC_239742_C_LEV_MONEY_LONG');
  });
});

describe('surprise', () => {
  it('subtracts consensus from actual on the reference periods both have a value for', () => {
    const actual = { dates: ['2024-04-01', '2024-05-01', '2024-06-01'], values: [0.3, 0.0, -0.1] };
    const consensus = { dates: ['2024-05-01', '2024-06-01', '2024-07-01'], values: [0.1, null, 0.2] };
    const got = surprise(actual, consensus);
    expect(got.dates).toEqual(['2024-05-01']);
    expect(got.values[0]).toBeCloseTo(-0.1, 12);
  });
});
