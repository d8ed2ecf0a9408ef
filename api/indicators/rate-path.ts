// The expected path of the policy rate: for each upcoming FOMC meeting that the fed funds futures
// price, the expected target-range midpoint after it and the chances of a cut, a hold or a hike
// there. Same solve as cutProbabilities (fedwatch-levels.ts); the path ends at the first meeting no
// contract prices.
import { DAY_COUNT_TEXT, solveLevels, type DayCount } from './fedwatch-levels.js';
import { prepareAsOf, type FedWatchInput } from './fedwatch.js';
import { chain, splitChange, toOutcomes } from './rate-outcomes.js';

export interface RatePathMeeting {
  meeting: string;
  /** Expected change at this meeting versus the range before it, in basis points. */
  expectedChangeBp: number;
  /** Expected midpoint of the target range after this meeting (percent), through the probability tree. */
  expectedMidpoint: number;
  /** Chances of a cut, no change and a hike at this meeting; they sum to 1. */
  pCut: number;
  pHold: number;
  pHike: number;
  /** True when no contract prices this meeting (taken as no change, its move landing in a later one). */
  assumedUnchanged: boolean;
  rStart: number;
  rStartSource: string;
  rEnd: number;
  rEndSource: string;
}

export interface RatePathResult {
  asOf: string;
  currentTarget: { lowerBound: number; upperBound: number };
  dayCount: { convention: DayCount; rule: string };
  meetings: RatePathMeeting[];
  fallbacks: { meeting: string; used: 'DFF'; value: number; reason: string }[];
}

/** The split of one meeting's expected move into cut / hold / hike chances. */
export function meetingOdds(expectedChange: number): { pCut: number; pHold: number; pHike: number } {
  let pCut = 0;
  let pHold = 0;
  let pHike = 0;
  for (const [steps, p] of splitChange(expectedChange)) {
    if (steps < 0) pCut += p;
    else if (steps > 0) pHike += p;
    else pHold += p;
  }
  return { pCut, pHold, pHike };
}

/** `through`: the last meeting to include (default the calendar's last); the path may end earlier. */
export function ratePath(input: Omit<FedWatchInput, 'meeting'> & { through?: string }): RatePathResult {
  const { calendar, dayCount, lower } = prepareAsOf(input);
  const last = input.through ?? calendar[calendar.length - 1]?.decisionDate ?? input.asOf;
  const future = calendar.filter((m) => m.decisionDate > input.asOf && m.decisionDate <= last);
  const rule = { convention: dayCount, rule: DAY_COUNT_TEXT[dayCount] };
  const currentTarget = { lowerBound: lower, upperBound: input.targetUpper };
  if (future.length === 0) return { asOf: input.asOf, currentTarget, dayCount: rule, meetings: [], fallbacks: [] };
  const solved = solveLevels({ asOf: input.asOf, meeting: future[future.length - 1].decisionDate, price: input.price, effectiveRate: input.effectiveRate, calendar, dayCount, partial: true });
  let dist = new Map<number, number>([[0, 1]]);
  const meetings = solved.meetings.map((m): RatePathMeeting => {
    const change = m.assumedUnchanged ? 0 : m.end.value - m.start.value;
    dist = chain(dist, splitChange(change));
    const expectedMidpoint = toOutcomes(dist, lower).reduce((s, o) => s + (o.probability * (o.lowerBound + o.upperBound)) / 2, 0);
    return {
      meeting: m.meeting,
      expectedChangeBp: change * 100,
      expectedMidpoint,
      ...meetingOdds(change),
      assumedUnchanged: m.assumedUnchanged,
      rStart: m.start.value,
      rStartSource: m.start.source,
      rEnd: m.end.value,
      rEndSource: m.end.source,
    };
  });
  return { asOf: input.asOf, currentTarget, dayCount: rule, meetings, fallbacks: solved.fallbacks };
}
