import type { Revision } from '../series/types.js';

/**
 * The incoming revisions that change what a reader would see at some moment: for each date, a
 * revision is new unless the value in force on its release date (from the store or from an
 * earlier incoming release) is already the same. Stored revisions are never removed.
 */
const byDateThenRelease = (a: Revision, b: Revision) =>
  a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.realtimeStart < b.realtimeStart ? -1 : a.realtimeStart > b.realtimeStart ? 1 : 0;

export function newRevisions(stored: Revision[], incoming: Revision[]): Revision[] {
  const storedByKey = new Map(stored.map((r) => [`${r.date}|${r.realtimeStart}`, r]));
  const storedByDate = new Map<string, Revision[]>();
  for (const r of stored) {
    const list = storedByDate.get(r.date) ?? [];
    list.push(r);
    storedByDate.set(r.date, list);
  }
  const out: Revision[] = [];
  const acceptedByDate = new Map<string, Revision[]>();
  for (const r of [...incoming].sort(byDateThenRelease)) {
    const same = storedByKey.get(`${r.date}|${r.realtimeStart}`);
    if (same) {
      if (same.value !== r.value) out.push(r); // the source restated this release: the correction wins
      continue;
    }
    const candidates = [...(storedByDate.get(r.date) ?? []), ...(acceptedByDate.get(r.date) ?? [])]
      .filter((c) => c.realtimeStart <= r.realtimeStart)
      .sort(byDateThenRelease);
    const inForce = candidates[candidates.length - 1];
    if (inForce && inForce.value === r.value) continue;
    out.push(r);
    acceptedByDate.set(r.date, [...(acceptedByDate.get(r.date) ?? []), r]);
  }
  return out;
}
