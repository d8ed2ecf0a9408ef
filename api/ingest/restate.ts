import type { Revision } from '../series/types.js';

/**
 * Which publication date each incoming value gets, so that history is never rewritten.
 *
 * Connectors date most values by a rule (a close is public on its own trading day, a CFTC report on
 * the Friday after its Tuesday), not by a vintage stamp from the source. When a source later sends
 * a different number for a day it already published (a dividend-adjusted ETF history, a restated
 * report, a poll added late to an average), that number was not known on the original day: it
 * becomes a revision published on the ingest date, and what an `asOf` query saw before stays as it was.
 *
 * Per observation date, the incoming revisions are read as the source's own history of that date:
 * - revisions at a (date, realtimeStart) already stored keep the stored value (a published vintage
 *   is immutable);
 * - revisions at new publication dates after everything stored are genuine new releases (ALFRED
 *   vintages, a new week) and are kept as delivered;
 * - if the source's current value for the date (its last incoming revision) still differs from the
 *   stored value in force, and is not dated after the stored history, it is added as a restatement
 *   published on `runDate` (or on its own date, if that is later).
 * With `onConflict: 'keep'` (the bundled sample, which is older than anything ingested since) a
 * differing current value is dropped instead: the sample fills gaps, it never restates.
 *
 * `knownWhenFetched` (adjusted price histories): a value for a date not stored before is dated the
 * ingest day, never earlier. A provider's adjusted close of 2010 fetched in 2025 is scaled by every
 * dividend paid up to 2025; dated 2010 it would answer `asOf: 2010` with a number nobody knew then.
 * A daily run adds the day's close on the day (or the day after), so only the first ingest is moved.
 *
 * `tolerance(date)`: for a date whose stored value in force was computed by a rescale
 * (series/rescales.ts), how far the source's number may differ from it and still be the same value:
 * the rescale reproduces the source's numbers to its last published digit, not bit for bit.
 * Pure: the caller merges the result with the store's canonical merge.
 */
export function restate(
  stored: Revision[],
  incoming: Revision[],
  runDate: string,
  onConflict: 'restate' | 'keep' = 'restate',
  options: { knownWhenFetched?: boolean; tolerance?: (date: string, value: number) => number } = {},
): Revision[] {
  const storedByDate = groupByDate(stored);
  const out: Revision[] = [];
  for (const [date, list] of groupByDate(incoming)) {
    const history = storedByDate.get(date);
    if (!history) {
      if (!options.knownWhenFetched) out.push(...list);
      else {
        const current = list[list.length - 1];
        out.push({ ...current, realtimeStart: current.realtimeStart > runDate ? current.realtimeStart : runDate });
      }
      continue;
    }
    const storedAt = new Map(history.map((r) => [r.realtimeStart, r]));
    const latestStored = history[history.length - 1];
    for (const r of list) {
      if (storedAt.has(r.realtimeStart)) continue; // that vintage is already published: never rewritten
      if (r.realtimeStart > latestStored.realtimeStart) out.push(r); // a new release after what is stored
    }
    const current = list[list.length - 1];
    // current is not after the stored history, so nothing new was added for this date above
    const tolerance = options.tolerance && latestStored.value !== null ? options.tolerance(date, latestStored.value) : 0;
    if (onConflict === 'restate' && current.realtimeStart <= latestStored.realtimeStart && !same(current.value, latestStored.value, tolerance)) {
      // published on the ingest date; never before the stored release it replaces
      const realtimeStart = runDate > latestStored.realtimeStart ? runDate : latestStored.realtimeStart;
      out.push({ date, value: current.value, realtimeStart });
    }
  }
  return out;
}

const same = (a: number | null, b: number | null, tolerance = 0) => a === b || (a !== null && b !== null && (Object.is(a, b) || Math.abs(a - b) <= tolerance));

/** Revisions by observation date, each list sorted by publication date. */
function groupByDate(revisions: Revision[]): Map<string, Revision[]> {
  const map = new Map<string, Revision[]>();
  for (const r of revisions) {
    const list = map.get(r.date);
    if (list) list.push(r);
    else map.set(r.date, [r]);
  }
  for (const list of map.values()) list.sort((a, b) => (a.realtimeStart < b.realtimeStart ? -1 : a.realtimeStart > b.realtimeStart ? 1 : 0));
  return map;
}
