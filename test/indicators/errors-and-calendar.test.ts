// Bad input is rejected with IndicatorInputError (code + argument + actionable message);
// the FOMC calendar bundled in code is the CSV in data/, parsed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { align } from '../../api/indicators/align.js';
import { change } from '../../api/indicators/change.js';
import { IndicatorInputError } from '../../api/indicators/errors.js';
import { fomcDecisionDates, fomcMeetings, parseFomcCalendar, requireMeeting } from '../../api/indicators/fomc-calendar.js';
import { FOMC_MEETINGS_CSV } from '../../api/indicators/fomc-meetings.data.js';
import { rollingCorrelation, rollingStd } from '../../api/indicators/rolling.js';
import { rollingPercentileRank } from '../../api/indicators/rolling-percentile.js';
import { maxRunup } from '../../api/indicators/runup.js';
import { positioningSeriesIds } from '../../api/indicators/positioning.js';

function rejects(f: () => unknown, argument: string, message: RegExp, code = 'BAD_USER_INPUT') {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(IndicatorInputError);
    expect((e as IndicatorInputError).code).toBe(code);
    expect((e as IndicatorInputError).argument).toBe(argument);
    expect((e as Error).message).toMatch(message);
    return;
  }
  throw new Error('expected an IndicatorInputError');
}

describe('bad input', () => {
  const xs = [1, 2, 3, 4, 5];
  it('window below 2, fractional, or longer than the data', () => {
    rejects(() => rollingStd(xs, 1), 'window', /at least 2; got 1/);
    rejects(() => rollingStd(xs, 2.5), 'window', /integer/);
    rejects(() => rollingPercentileRank(xs, 6), 'window', /window \(6\) is longer than the data \(5 points\)/);
  });
  it('a window longer than the data is answered once minObservations are there; a minimum the data cannot reach is refused', () => {
    // Sample std of 1..k: sqrt(k(k+1)/12), which pandas gives as Series([1, 2, 3, 4, 5]).rolling(10, min_periods=2).std().
    expect(rollingStd(xs, 10, 2).map((v) => (v === null ? null : Number(v.toFixed(12))))).toEqual([null, 0.707106781187, 1, 1.290994448736, 1.581138830084]);
    expect(rollingPercentileRank(xs, 10, 5)).toEqual([null, null, null, null, 1]);
    rejects(() => rollingStd(xs, 10, 6), 'minObservations', /minObservations \(6\) is more than the data \(5 points\)/);
  });
  it('columns of different lengths', () => {
    rejects(() => rollingCorrelation(xs, [1, 2, 3], 2), 'inputs', /same length \(got 5 and 3\)/);
    rejects(() => change({ dates: ['2024-01-02'], values: [1, 2] }, '2024-01-02', '2024-01-02'), 'inputs', /same length/);
  });
  it('unordered dates, malformed dates, reversed ranges, no data before the start', () => {
    const s = { dates: ['2024-01-03', '2024-01-02'], values: [1, 2] };
    rejects(() => align(s, s), 'inputs[0]', /strictly ascending; 2024-01-03 is followed by 2024-01-02/);
    const ok = { dates: ['2024-01-02', '2024-01-03'], values: [1, 2] };
    rejects(() => change(ok, '2024/01/02', '2024-01-03'), 'from', /YYYY-MM-DD/);
    rejects(() => change(ok, '2024-01-03', '2024-01-02'), 'from', /after to/);
    rejects(() => change(ok, '2023-12-29', '2024-01-03'), 'from', /no observation on or before 2023-12-29; the series starts 2024-01-02/, 'NO_DATA');
    rejects(() => maxRunup({ dates: ['2024-01-02'], values: [-1] }), 'inputs', /positive values/);
    rejects(() => positioningSeriesIds('239 742', 'DEALER'), 'contract', /contract market code/);
  });
  it('a meeting that is not on the calendar names the nearest ones', () => {
    rejects(() => requireMeeting('2024-09-17'), 'meeting', /nearest are 2024-07-31 and 2024-09-18/);
  });
});

describe('FOMC calendar', () => {
  it('the bundled module is exactly data/fomc_meetings.csv (regenerate with scripts/generate-fomc-meetings.ts)', () => {
    const csv = readFileSync(fileURLToPath(new URL('../../data/fomc_meetings.csv', import.meta.url)), 'utf8');
    expect(FOMC_MEETINGS_CSV).toBe(csv);
  });
  it('holds eight scheduled meetings a year, 2022–2027, decided on the second day', () => {
    const all = fomcMeetings();
    for (const y of ['2022', '2023', '2024', '2025', '2026', '2027']) expect(all.filter((m) => m.decisionDate.startsWith(y))).toHaveLength(8);
    expect(fomcDecisionDates('2024-07-01', '2024-12-31')).toEqual(['2024-07-31', '2024-09-18', '2024-11-07', '2024-12-18']);
    for (const m of all) {
      const days = (Date.parse(m.decisionDate) - Date.parse(m.startDate)) / 86_400_000;
      expect(days).toBe(1);
    }
  });
  it("holds the Board's 2027 schedule and the January 2028 meeting it announced with it", () => {
    // Federal Reserve Board press release of 2025-09-05, "Federal Open Market Committee announces its
    // tentative meeting schedule for 2027" (republished at einpresswire.com/article/846495920):
    // Jan 26-27, Mar 16-17, Apr 27-28, Jun 8-9, Jul 27-28, Sep 14-15, Oct 26-27, Dec 7-8, and Jan 25-26, 2028
    expect(fomcMeetings().filter((m) => m.startDate >= '2027-01-01')).toEqual(
      [
        ['2027-01-26', '2027-01-27'],
        ['2027-03-16', '2027-03-17'],
        ['2027-04-27', '2027-04-28'],
        ['2027-06-08', '2027-06-09'],
        ['2027-07-27', '2027-07-28'],
        ['2027-09-14', '2027-09-15'],
        ['2027-10-26', '2027-10-27'],
        ['2027-12-07', '2027-12-08'],
        ['2028-01-25', '2028-01-26'],
      ].map(([startDate, decisionDate]) => ({ startDate, decisionDate })),
    );
    // each decision day a Wednesday, as the release says (Tuesday and Wednesday meetings; not so in every year: 2024-11-07 was a Thursday)
    for (const m of fomcMeetings().filter((x) => x.startDate >= '2027-01-01')) expect(new Date(`${m.decisionDate}T12:00:00Z`).getUTCDay(), m.decisionDate).toBe(3);
  });
  it('a date past the last announced meeting is named as such, with the last meeting known', () => {
    rejects(() => requireMeeting('2028-03-15'), 'meeting', /2028-03-15 is after 2028-01-26, the last FOMC meeting on Tide's calendar \(2022-01-26\.\.2028-01-26/);
    rejects(() => requireMeeting('2027-06-10'), 'meeting', /nearest are 2027-06-09 and 2027-07-28/);
  });
  it('rejects malformed text', () => {
    expect(() => parseFomcCalendar('date\n2024-01-31\n')).toThrow(/header/);
    expect(() => parseFomcCalendar('start_date,decision_date\n2024-01-30,2024-1-31\n')).toThrow(/line 2/);
    expect(() => parseFomcCalendar('start_date,decision_date\n2024-03-19,2024-03-20\n2024-01-30,2024-01-31\n')).toThrow(/date order/);
  });
});
