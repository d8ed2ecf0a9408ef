// indicator(release: FIRST): each result as it could first have been computed, from the inputs as
// published on the day all of that result's inputs were first printed (real-time analysis). Growth,
// surprises and correlations on first prints then use the vintage a strategist had on the day, not a
// mix of first prints from different vintages. See ../first-release.ts for the rule.
import { periodOf } from '../../series/periods.js';
import type { Frequency } from '../../series/types.js';
import { publishedBy } from '../../series/revision-history.js';
import { atOrBefore, publicationDays, recomputeDays } from '../first-release.js';
import { requireMeta, type SeriesReader } from './inputs.js';
import { leafSeries } from '../expressions.js';
import type { IndicatorArgs, IndicatorOutput } from './indicator-types.js';

export type Compute = (reader: SeriesReader, args: IndicatorArgs) => Promise<IndicatorOutput>;

/** For each input, a lookup of the publication days of the result period on or before a date. */
async function inputDays(reader: SeriesReader, args: IndicatorArgs, frequency: Frequency) {
  // An expression's result is complete once every series it reads is: each operand is one more lookup.
  const metas = (await Promise.all(args.inputs.map((id) => requireMeta(reader, id)))).flatMap(leafSeries);
  return Promise.all(
    metas.map(async (meta) => {
      const converting = frequency !== meta.frequency;
      // All history up to `to`: a late revision of a warm-up value changes a result as much as one in range.
      const revisions = publishedBy(await reader.store.readRevisions(meta.id, undefined, args.to ?? undefined), args.asOf);
      const days = publicationDays(revisions, (d) => (converting ? periodOf(d, frequency) : d));
      const labels = [...days.keys()];
      return (date: string) => atOrBefore(days, labels, date);
    }),
  );
}

export async function computeFirstRelease(reader: SeriesReader, args: IndicatorArgs, compute: Compute): Promise<IndicatorOutput> {
  const asKnown = { ...args, release: 'LATEST' as const };
  const latest = await compute(reader, asKnown);
  const lookups = await inputDays(reader, args, latest.meta.frequency as Frequency);
  const dayOf = (date: string) => {
    const each = lookups.map((find) => find(date));
    if (each.some((d) => !d)) return undefined;
    return {
      complete: each.reduce((m, d) => (d!.complete > m ? d!.complete : m), ''),
      settled: each.reduce((m, d) => (d!.settled > m ? d!.settled : m), ''),
    };
  };
  const groups = recomputeDays(latest.dates, dayOf);
  const first = new Map<string, number | null>();
  let single: IndicatorOutput | undefined;
  for (const [day, dates] of groups) {
    const then = await compute(reader, { ...asKnown, asOf: day });
    if (latest.dates.length === 1) single = then; // one number for the range: its meta (extremes, start, end) too
    const at = new Map(then.dates.map((d, i) => [d, then.values[i]]));
    for (const d of dates) first.set(d, at.get(d) ?? null);
  }
  const base = single ?? latest;
  return {
    ...base,
    dates: latest.dates,
    values: latest.dates.map((d, i) => (first.has(d) ? first.get(d)! : latest.values[i])),
    meta: { ...base.meta, asOf: args.asOf ?? null, release: 'FIRST' },
  };
}
