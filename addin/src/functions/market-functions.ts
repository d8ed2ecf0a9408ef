// POSITIONING (CFTC trader groups), CUTPROB (fed funds futures implied outcomes) and RATEPATH (the expected path).
import { optionalBool, optionalChoice, optionalDate, requiredDate, requiredText } from '../shared/args.js';
import { checkStartNotAfterAsOf, resolveAsOf } from '../shared/as-of.js';
import { todayIso } from '../shared/dates.js';
import { ArgumentError } from '../shared/errors.js';
import { COT_REPORTS, POSITIONING_MEASURES, TRADER_GROUPS } from './choices.js';
import { CutProbabilities, Positioning, RatePath } from '../generated/operations.js';
import { askValue } from '../client/operation.js';
import type { Fetch } from './fetcher.js';
import { datedMatrix, tableMatrix, type Matrix } from './matrix.js';
import { displayForMeasure } from './number-formats.js';

/**
 * POSITIONING: (contract, group, [start], [end], [measure], [report], [asOf], [headers]). With asOf,
 * only reports the CFTC had published by then (a Tuesday's report comes out on the Friday).
 */
export async function positioningMatrix(fetch: Fetch, ...raw: unknown[]): Promise<Matrix> {
  const [rawContract, rawGroup, start, end, rawMeasure, rawReport, rawAsOf, rawHeaders] = raw;
  const contract = requiredText('contract', rawContract);
  const group = optionalChoice('group', rawGroup, TRADER_GROUPS);
  if (!group) throw new ArgumentError('group', `is required, one of: ${Object.keys(TRADER_GROUPS).join(', ')}`);
  const measure = optionalChoice('measure', rawMeasure, POSITIONING_MEASURES, 'longShare');
  const from = optionalDate('start', start);
  const to = optionalDate('end', end);
  if (from && to && from > to) throw new ArgumentError('start', `${from} is after end ${to}`);
  const report = optionalChoice('report', rawReport, COT_REPORTS);
  const asOf = resolveAsOf(rawAsOf);
  checkStartNotAfterAsOf(from, asOf);
  const headers = optionalBool('headers', rawHeaders, false);
  const data = await askValue(fetch, Positioning, { contract, group, report, from, to, asOf });
  return datedMatrix(
    { dates: data.dates, columns: [data[measure]] },
    {
      headers,
      labels: ['Date', `${group} ${measure}`],
      emptyMessage: `No ${contract} positioning reports for the dates asked${asOf ? ` published by ${asOf}` : ''}`,
      displays: [displayForMeasure(measure)],
    },
  );
}

export const CUTPROB_LABELS = ['Lower bound', 'Upper bound', 'Change (bp)', 'Probability'];
/** The bounds are rates in percent, shown as they are; the change in bp, the probability (a fraction) as %. */
const CUTPROB_DISPLAYS = [undefined, undefined, 'bp', 'percent'] as const;

/** CUTPROB: (meeting, [asOf], [headers]); asOf defaults to the workbook's, else today. */
export async function cutProbMatrix(fetch: Fetch, rawMeeting: unknown, rawAsOf: unknown, rawHeaders: unknown): Promise<Matrix> {
  const meeting = requiredDate('meeting', rawMeeting);
  const asOf = resolveAsOf(rawAsOf) ?? todayIso();
  const headers = optionalBool('headers', rawHeaders, false);
  const { outcomes } = await askValue(fetch, CutProbabilities, { meeting, asOf });
  const rows: Matrix = outcomes.map((o) => [o.lowerBound, o.upperBound, o.changeBp, o.probability]);
  return tableMatrix(rows, { headers, labels: CUTPROB_LABELS, emptyMessage: `No implied outcomes for the ${meeting} meeting as of ${asOf}`, displays: CUTPROB_DISPLAYS });
}

export const RATEPATH_LABELS = ['Meeting', 'Expected midpoint (%)', 'Expected change (bp)', 'P(cut)', 'P(hold)', 'P(hike)'];
/** The midpoint is a rate in percent, shown as it is; the change in bp; the chances (fractions) as %. */
const RATEPATH_DISPLAYS = [undefined, 'bp', 'percent', 'percent', 'percent'] as const;

/** RATEPATH: ([asOf], [headers]); one row per upcoming meeting the futures price; asOf defaults to the workbook's, else today. */
export async function ratePathMatrix(fetch: Fetch, rawAsOf: unknown, rawHeaders: unknown): Promise<Matrix> {
  const asOf = resolveAsOf(rawAsOf) ?? todayIso();
  const headers = optionalBool('headers', rawHeaders, false);
  const { meetings } = await askValue(fetch, RatePath, { asOf });
  return datedMatrix(
    {
      dates: meetings.map((m) => m.meeting),
      columns: [meetings.map((m) => m.expectedMidpoint), meetings.map((m) => m.expectedChangeBp), meetings.map((m) => m.pCut), meetings.map((m) => m.pHold), meetings.map((m) => m.pHike)],
    },
    { headers, labels: RATEPATH_LABELS, emptyMessage: `No upcoming FOMC meeting is priced by the fed funds futures as of ${asOf}`, displays: RATEPATH_DISPLAYS },
  );
}
