import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../api/dataset/catalog.js';
import { cftcSeriesId } from '../../api/series/cftc-fields.js';
import { expectedBy, expectedDue } from '../../api/series/freshness.js';
import { FRED_RELEASE_CALENDARS, publisherCalendarOf, releaseCalendarOf } from '../../api/series/publisher-calendar.js';
import { CALENDAR_COVERAGE } from '../../api/series/release-calendars.js';
import type { SeriesMeta } from '../../api/series/types.js';
import { freshnessOf } from '../../api/services/freshness.js';
import { PRICE_SYMBOLS, priceDescription } from '../../api/ingest/connectors/price-symbols.js';

// Which publisher's calendar dates a series' next value, and the day it gives, on real dates. Every
// release date below is a row of data/calendars/ (sources cited in data/calendars/README.md, each
// calendar checked against separately published dates in test/series/release-calendars.test.ts):
// - cpi_release_dates.csv: October 2024 → 2024-11-13, November 2024 → 2024-12-11, December 2024 →
//   2025-01-15, January 2026 → 2026-02-13 (its last row), October 2025 (never collected) → 2025-12-18.
// - gdp_release_dates.csv: 2025Q4 advance estimate 2026-02-20; the table ends 2026-04-09 (2025Q4 third).
// - federal_reserve_holidays.csv: 2024-11-28 (Thanksgiving) and 2025-01-01 are Board holidays.
// - cftc_cot_release_dates.csv: the report of 2024-06-18 went out on Monday 2024-06-24 (Juneteenth
//   week), that of 2024-06-25 on Friday 2024-06-28.
// NYSE sessions from NYSE's holiday rules (api/series/trading-calendar.ts; test/series/trading-calendar.test.ts
// holds them against the weekdays without a close in the bundled Yahoo files, 2022-2024, and NYSE's
// published 2025-2027 lists): Good Friday 2024-03-29, Juneteenth 2024-06-19, 2025-01-01 and 2025-01-09
// (President Carter's funeral) are closed.
// Each "rule" value is what the lag rule alone gives (period end + 4/7/30/35 days), so each case
// shows the calendar deciding.

const fred = (id: string, frequency: SeriesMeta['frequency']) => ({ id, frequency, source: { name: 'FRED, Federal Reserve Bank of St. Louis', sourceId: id } });
const close = (id: string) => ({ id, frequency: 'DAILY' as const, calendar: 'XNYS' as const, source: { name: 'Stooq', sourceId: id.toLowerCase() } });
const dueOf = (meta: Pick<SeriesMeta, 'id' | 'frequency' | 'source' | 'calendar'>, last: string) => {
  const c = publisherCalendarOf(meta);
  return expectedDue(last, meta.frequency, c && releaseCalendarOf(c));
};

describe('which calendar a series follows', () => {
  it('from its source: FRED series by their agency release, CFTC fields by the COT schedule, closes by their exchange', () => {
    expect(publisherCalendarOf(fred('CPIAUCSL', 'MONTHLY'))).toEqual({ kind: 'release', calendar: 'cpi' });
    expect(publisherCalendarOf(fred('A191RL1Q225SBEA', 'QUARTERLY'))).toEqual({ kind: 'release', calendar: 'gdp' });
    expect(publisherCalendarOf(fred('DFF', 'DAILY'))).toEqual({ kind: 'release', calendar: 'h15Daily' });
    expect(publisherCalendarOf(fred('FEDFUNDS', 'MONTHLY'))).toEqual({ kind: 'release', calendar: 'h15Monthly' });
    expect(publisherCalendarOf({ ...cftcMeta(), frequency: 'WEEKLY' })).toEqual({ kind: 'cot' });
    expect(publisherCalendarOf(close('RUT'))).toEqual({ kind: 'trading', calendar: 'XNYS' });
    // none known: the lag rule
    expect(publisherCalendarOf(fred('GDPNOW', 'QUARTERLY'))).toBeUndefined();
    expect(publisherCalendarOf({ id: 'SPY', frequency: 'DAILY', source: { name: 'Stooq', sourceId: 'spy.us' } })).toBeUndefined();
    // every stock and fund Tide knows the ticker of trades on NYSE's or Nasdaq's sessions (the same days)
    for (const id of Object.keys(PRICE_SYMBOLS).filter((k) => PRICE_SYMBOLS[k].kind !== 'future'))
      expect(publisherCalendarOf(priceDescription(id, 'Stooq', 'https://stooq.com', id, 'adjusted')), id).toEqual({ kind: 'trading', calendar: 'XNYS' });
    // a CPIAUCSL from a CSV file is not FRED's release
    expect(publisherCalendarOf({ id: 'CPIAUCSL', frequency: 'MONTHLY', source: { name: 'CSV file', sourceId: 'cpi.csv#CPIAUCSL' } })).toBeUndefined();
  });

  it('a bundled series follows the calendar its data/catalog.json rule dates it by, and every such rule is covered', () => {
    const catalog = JSON.parse(readFileSync('data/catalog.json', 'utf8')) as Catalog;
    const byRule = catalog.series.flatMap((s) => {
      const names = new Set(s.files.flatMap((f) => (f.realtime.rule === 'releaseCalendar' ? [f.realtime.calendar] : [])));
      return names.size ? [{ s, names: [...names] }] : [];
    });
    expect(byRule.map(({ s }) => s.id).sort()).toEqual(Object.keys(FRED_RELEASE_CALENDARS).sort());
    for (const { s, names } of byRule) {
      expect(names, s.id).toHaveLength(1);
      expect(publisherCalendarOf(s), s.id).toEqual({ kind: 'release', calendar: names[0] });
    }
    // and every daily close the catalog puts on the NYSE calendar follows it
    for (const s of catalog.series.filter((x) => x.calendar === 'XNYS')) expect(publisherCalendarOf(s), s.id).toEqual({ kind: 'trading', calendar: 'XNYS' });
  });
});

function cftcMeta() {
  return { id: cftcSeriesId('239742', 'F', 'OPEN_INTEREST'), source: { name: 'CFTC', sourceId: '239742 Open_Interest_All' } };
}

describe('the day the next value is due, by the calendar', () => {
  it("CPI: BLS's release day of the next month", () => {
    // October 2024 stored: November's CPI came out 2024-12-11 (the rule: 2024-11-30 + 30 = 2024-12-30)
    expect(dueOf(fred('CPIAUCSL', 'MONTHLY'), '2024-10-01')).toEqual({ date: '2024-12-11', from: 'CALENDAR' });
    expect(expectedBy('2024-10-01', 'MONTHLY')).toBe('2024-12-30');
    // November 2024 stored: December's came out 2025-01-15
    expect(dueOf(fred('CPIAUCNS', 'MONTHLY'), '2024-11-01')).toEqual({ date: '2025-01-15', from: 'CALENDAR' });
    // September 2025 stored: October 2025 was never collected; it is due with the November release
    expect(dueOf(fred('CPIAUCSL', 'MONTHLY'), '2025-09-01')).toEqual({ date: '2025-12-18', from: 'CALENDAR' });
    // January 2026 stored: February's date is past the calendar's last row, so the rule dates it
    expect(CALENDAR_COVERAGE.cpi).toBe('2026-02-13');
    expect(dueOf(fred('CPIAUCSL', 'MONTHLY'), '2026-01-01')).toEqual({ date: '2026-03-30', from: 'RULE' });
  });

  it("GDP: BEA's first estimate of the next quarter; the rule past the schedule", () => {
    // 2025Q3 stored: the 2025Q4 advance estimate came on 2026-02-20 (the rule: 2025-12-31 + 35 = 2026-02-04)
    expect(dueOf(fred('GDPC1', 'QUARTERLY'), '2025-07-01')).toEqual({ date: '2026-02-20', from: 'CALENDAR' });
    expect(dueOf(fred('A191RL1Q225SBEA', 'QUARTERLY'), '2025-10-01')).toEqual({ date: '2026-05-05', from: 'RULE' });
  });

  it("H.15: the next business day's rate is posted the business day after it; a monthly average the first business day after the month", () => {
    // DGS2 on Friday 2024-11-29: Monday 12-02's yield is posted Tuesday 2024-12-03 (the rule: 12-02 + 4 = 12-06)
    expect(dueOf(fred('DGS2', 'DAILY'), '2024-11-29')).toEqual({ date: '2024-12-03', from: 'CALENDAR' });
    expect(expectedBy('2024-11-29', 'DAILY')).toBe('2024-12-06');
    // Wednesday 2024-11-27: Thanksgiving is a Board holiday, so Friday 11-29's rate is posted Monday 12-02
    expect(dueOf(fred('DGS2', 'DAILY'), '2024-11-27')).toEqual({ date: '2024-12-02', from: 'CALENDAR' });
    // Tuesday 2024-12-31: 2025-01-01 is a holiday, so 01-02's rate is posted 2025-01-03
    expect(dueOf(fred('DFF', 'DAILY'), '2024-12-31')).toEqual({ date: '2025-01-03', from: 'CALENDAR' });
    // FEDFUNDS for December 2024 stored: January's average on Monday 2025-02-03 (the rule: 2025-01-31 + 30 = 2025-03-02)
    expect(dueOf(fred('FEDFUNDS', 'MONTHLY'), '2024-12-01')).toEqual({ date: '2025-02-03', from: 'CALENDAR' });
    expect(expectedBy('2024-12-01', 'MONTHLY')).toBe('2025-03-02');
  });

  it("COT: the CFTC's release day of the next Tuesday's report, holiday delays included", () => {
    const cot = { ...cftcMeta(), frequency: 'WEEKLY' as const };
    // report of 2024-06-11 stored: the next (06-18) went out Monday 2024-06-24 (the rule: 06-18 + 7 = 06-25)
    expect(dueOf(cot, '2024-06-11')).toEqual({ date: '2024-06-24', from: 'CALENDAR' });
    expect(expectedBy('2024-06-11', 'WEEKLY')).toBe('2024-06-25');
    expect(dueOf(cot, '2024-06-18')).toEqual({ date: '2024-06-28', from: 'CALENDAR' });
    // past the published schedule, the CFTC's holiday rule over the Board's holidays (through 2027)
    expect(dueOf(cot, '2026-06-23')).toEqual({ date: '2026-07-06', from: 'CALENDAR' }); // Independence Day on a Saturday, observed Friday 07-03
    // past the holiday table: the rule
    expect(dueOf(cot, '2027-12-28')).toEqual({ date: '2028-01-11', from: 'RULE' });
  });

  it('a daily close on the NYSE calendar: the next session, a day after it closes', () => {
    // Friday 2024-11-29: next session Monday 12-02, due 2024-12-03 (the rule: 12-02 + 4 = 12-06)
    expect(dueOf(close('RUT'), '2024-11-29')).toEqual({ date: '2024-12-03', from: 'CALENDAR' });
    // Thursday 2024-03-28: Good Friday is closed, next session Monday 04-01, due 04-02 (a weekday calendar would say Friday, due 03-30)
    expect(dueOf(close('RUT'), '2024-03-28')).toEqual({ date: '2024-04-02', from: 'CALENDAR' });
    // Tuesday 2024-06-18: Juneteenth is closed, next session Thursday 06-20, due 06-21 (the rule: 06-19 + 4 = 06-23)
    expect(dueOf(close('IWM'), '2024-06-18')).toEqual({ date: '2024-06-21', from: 'CALENDAR' });
    expect(expectedBy('2024-06-18', 'DAILY')).toBe('2024-06-23');
    // Wednesday 2025-01-08: closed 01-09 for President Carter's funeral, next session Friday 01-10, due 01-11
    expect(dueOf(close('QQQ'), '2025-01-08')).toEqual({ date: '2025-01-11', from: 'CALENDAR' });
    // Tuesday 2024-12-31: 2025-01-01 is closed, next session 01-02, due 01-03
    expect(dueOf(close('RUT'), '2024-12-31')).toEqual({ date: '2025-01-03', from: 'CALENDAR' });
  });
});

describe('freshness says which calendar dated it, and is stale by that date', () => {
  it('CPI with October 2024 stored: not stale on the release day, stale the day after', () => {
    const meta = { ...fred('CPIAUCSL', 'MONTHLY'), lastDate: '2024-10-01' };
    expect(freshnessOf(meta, null, '2024-12-11')).toEqual({
      lastObservation: '2024-10-01',
      lastChecked: null,
      expectedBy: '2024-12-11',
      expectedFrom: 'CALENDAR',
      calendar: "BLS's CPI release schedule",
      stale: false,
    });
    // by the rule it would not be stale until 2024-12-31
    expect(freshnessOf(meta, null, '2024-12-12').stale).toBe(true);
  });

  it('before a calendar starts, the rule too: no GDP release of 2010 is in the table, no Board holiday before 2022', () => {
    expect(dueOf(fred('GDPC1', 'QUARTERLY'), '2010-01-01')).toEqual({ date: '2010-08-04', from: 'RULE' });
    expect(dueOf(fred('DGS2', 'DAILY'), '2019-06-28')).toEqual({ date: '2019-07-05', from: 'RULE' });
    expect(dueOf(fred('FEDFUNDS', 'MONTHLY'), '2021-11-01')).toEqual({ date: '2022-01-30', from: 'RULE' });
    expect(dueOf({ ...cftcMeta(), frequency: 'WEEKLY' }, '2021-06-01')).toEqual({ date: '2021-06-15', from: 'RULE' });
    // and the first dates each does hold
    expect(dueOf(fred('DGS2', 'DAILY'), '2022-01-03')).toEqual({ date: '2022-01-05', from: 'CALENDAR' });
    expect(dueOf(fred('GDPC1', 'QUARTERLY'), '2023-07-01')).toEqual({ date: '2024-01-25', from: 'CALENDAR' }); // 2023Q4 advance, the table's first row
  });

  it('a series with no known calendar: the rule, and no calendar named', () => {
    expect(freshnessOf({ id: 'GDPNOW', frequency: 'QUARTERLY', source: { name: 'FRED', sourceId: 'GDPNOW' }, lastDate: '2025-07-01' }, null, '2025-11-01')).toMatchObject({
      expectedBy: '2026-02-04',
      expectedFrom: 'RULE',
      calendar: null,
      stale: false,
    });
    expect(freshnessOf({ id: 'X', frequency: 'DAILY', source: { name: 'CSV file', sourceId: 'x.csv#X' } }, null, '2025-11-01')).toMatchObject({ expectedBy: null, expectedFrom: null, stale: false });
    // an ended series (a settled market) expects nothing, whatever calendar it would follow
    expect(freshnessOf({ ...close('RUT'), lastDate: '2024-11-29', ended: '2024-11-29' }, null, '2025-11-01')).toMatchObject({ expectedBy: null, expectedFrom: null, stale: false });
  });
});
