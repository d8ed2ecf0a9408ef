// FedWatch expectations as series any query or indicator takes as an input:
//   FEDWATCH:<meeting>:EXPECTED_BP  expected change at that meeting versus the range before it (bp)
//   FEDWATCH:<meeting>:P_CUT        probability of a cut of any size there (fraction)
// Derived, never stored: read through the same reads as every series, each value computed by
// cutProbabilities from the fed funds futures, target range and DFF as known on that trading day.
// One value per trading day before the meeting, dated that day and published that evening (its
// realtimeStart is the day), so asOf works as for any series: a value is what FedWatch said then.
import { badInput } from '../errors/domain-error.js';
import { IndicatorInputError } from '../indicators/errors.js';
import { contractMonth, contractMonths, cutProbabilities, daysInMonth, fedFundsContract, meetingOdds, requireMeeting } from '../indicators/index.js';
import { addDays, isIsoDate } from '../series/dates.js';
import { columnsAsOf, summarize } from '../series/revisions.js';
import type { Revision, SeriesMeta } from '../series/types.js';
import type { SeriesReads } from '../store/request-reads.js';

const ID = /^FEDWATCH:([^:]+):([A-Z_]+)$/;
const MEASURES = {
  EXPECTED_BP: { unit: 'bp', what: 'expected change of the target range at', value: (changeBp: number) => changeBp },
  P_CUT: { unit: 'probability (fraction)', what: 'probability of a cut (any size) at', value: (changeBp: number) => meetingOdds(changeBp / 100).pCut },
} as const;
type Measure = keyof typeof MEASURES;

/** How far back a series with no `from` starts: a year and a bit before the meeting, when its contract trades actively. */
const DEFAULT_SPAN_DAYS = 400;
/** The stale-price rules of cutProbabilities (services/indicators/cut-probabilities.ts). */
const PRICE_LOOKBACK_DAYS = 7;
const STALE_RATE_DAYS = 31;

export interface FedWatchSeriesId {
  meeting: string;
  measure: Measure;
}

/** The meeting and measure of a FEDWATCH id; undefined for any other id; a malformed FEDWATCH id is BAD_USER_INPUT. */
export function parseFedWatchId(id: string): FedWatchSeriesId | undefined {
  if (!id.startsWith('FEDWATCH:')) return undefined;
  const m = ID.exec(id);
  if (!m || !isIsoDate(m[1]) || !(m[2] in MEASURES)) {
    throw badInput(`"${id}" is not a FedWatch series id; write FEDWATCH:<meeting decision date>:EXPECTED_BP or FEDWATCH:<meeting>:P_CUT, e.g. FEDWATCH:2024-09-18:EXPECTED_BP`, 'id');
  }
  requireMeeting(m[1]);
  return { meeting: m[1], measure: m[2] as Measure };
}

/** The last value of `revisions` dated on or before `day` and published by then, if dated on or after `since`. */
function knownOn(revisions: Revision[], day: string, since: string): number | null {
  for (let i = revisions.length - 1; i >= 0; i--) {
    const r = revisions[i];
    if (r.date > day || r.realtimeStart > day) continue;
    if (r.date < since) return null;
    if (r.value !== null) return r.value;
  }
  return null;
}

/** One value per trading day in [from, to] (both clipped to before the meeting), from the inputs as known that day. */
async function derive(reads: SeriesReads, { meeting, measure }: FedWatchSeriesId, from: string | undefined, to: string | undefined): Promise<Revision[]> {
  const first = from ?? addDays(meeting, -DEFAULT_SPAN_DAYS);
  const last = to && to < meeting ? to : addDays(meeting, -1);
  if (first > last) return [];
  const readFrom = addDays(first, -45); // a target or DFF up to a month old, a contract just ended
  const contracts = contractMonths(first, meeting).map(fedFundsContract);
  const ids = ['DFEDTARU', 'DFF', ...contracts];
  const history = new Map(await Promise.all(ids.map(async (id) => [id, await reads.readRevisions(id, readFrom, last)] as const)));
  const days = [...new Set(contracts.flatMap((c) => history.get(c)!.map((r) => r.date)))].filter((d) => d >= first && d <= last).sort();
  const out: Revision[] = [];
  for (const day of days) {
    const targetUpper = knownOn(history.get('DFEDTARU')!, day, addDays(day, -STALE_RATE_DAYS));
    if (targetUpper === null) continue;
    const price = (contract: string) => {
      const revisions = history.get(contract);
      if (!revisions) return null;
      // a contract whose month has ended keeps its last settlement (as cutProbabilities reads it)
      const ended = monthEnd(contract);
      return knownOn(revisions, day, addDays(ended < day ? ended : day, -PRICE_LOOKBACK_DAYS));
    };
    try {
      const r = cutProbabilities({ meeting, asOf: day, price, targetUpper, effectiveRate: knownOn(history.get('DFF')!, day, addDays(day, -STALE_RATE_DAYS)) });
      const step = r.meta.steps[r.meta.steps.length - 1];
      if (step?.meeting === meeting) out.push({ date: day, value: MEASURES[measure].value(step.expectedChangeBp), realtimeStart: day });
    } catch (e) {
      // a day no contract prices the meeting has no value; any other error is a fault to report
      if (!(e instanceof IndicatorInputError && e.code === 'NO_DATA')) throw e;
    }
  }
  return out;
}

/** The last calendar day of a contract's month (ZQU24 → 2024-09-30). */
function monthEnd(contract: string): string {
  const month = contractMonth(contract)!;
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

function describe(id: string, { meeting, measure }: FedWatchSeriesId, revisions: Revision[]): SeriesMeta {
  const m = MEASURES[measure];
  return {
    id,
    name: `FedWatch: ${m.what} the ${meeting} FOMC meeting`,
    unit: m.unit,
    frequency: 'DAILY',
    source: { name: 'Tide, CME FedWatch method on fed funds futures settlements', sourceId: id },
    notes: `Derived, not stored: on each trading day, cutProbabilities(meeting: "${meeting}", asOf: that day) from the ZQ contracts, DFEDTARU and DFF as known that day (CME's day count). ${measure === 'EXPECTED_BP' ? 'The expected change at this meeting versus the range before it, in basis points.' : 'The chance of a cut of any size at this meeting (the two-point split of its expected move).'} Each value is published on its own day; days on which no contract prices the meeting have none.`,
    ...summarize(revisions),
  };
}

/**
 * The reads every resolver and service uses, with the FEDWATCH ids resolved on the fly. Each
 * derived history is computed once per request per range.
 */
export function withFedWatchSeries(reads: SeriesReads): SeriesReads {
  const computed = new Map<string, Promise<Revision[]>>();
  const revisionsOf = (id: string, parsed: FedWatchSeriesId, from?: string, to?: string) => {
    const key = `${id}|${from ?? ''}|${to ?? ''}`;
    let r = computed.get(key);
    if (!r) computed.set(key, (r = derive(reads, parsed, from, to)));
    return r;
  };
  return {
    ...reads,
    async getMeta(id) {
      const parsed = parseFedWatchId(id);
      return parsed ? describe(id, parsed, await revisionsOf(id, parsed)) : reads.getMeta(id);
    },
    listMeta: () => reads.listMeta(),
    async readRevisions(id, from, to, signal) {
      const parsed = parseFedWatchId(id);
      return parsed ? revisionsOf(id, parsed, from, to) : reads.readRevisions(id, from, to, signal);
    },
    async readKnown(id, from, to, asOf, signal) {
      const parsed = parseFedWatchId(id);
      return parsed ? columnsAsOf(await revisionsOf(id, parsed, from, to), asOf) : reads.readKnown(id, from, to, asOf, signal);
    },
    async readVintages(id, signal) {
      const parsed = parseFedWatchId(id);
      return parsed ? (await revisionsOf(id, parsed)).map((r) => r.date) : reads.readVintages(id, signal);
    },
  };
}
