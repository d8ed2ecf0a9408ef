// What a person searching the catalog means first: the series whose id they typed, then series whose
// id or name holds their words, then series that only mention them elsewhere (unit, source, notes),
// and last the field-level series (one column of a CFTC report each), which name every contract's
// market and would otherwise bury the instruments themselves: "russell" finds RUT, IWM and RTY=F
// before thirty CFTC fields of the Russell E-mini.
import { parseCftcSeriesId } from '../series/cftc-fields.js';
import type { SeriesMeta } from '../series/types.js';

const enum Tier {
  ExactId,
  NameMatch,
  OtherMatch,
  FieldLevel,
}

const describe = (m: SeriesMeta): string => [m.id, m.name, m.unit, m.frequency, m.source.name, m.source.sourceId, m.notes ?? ''].join(' ').toLowerCase();

/** Series standing for one field of a larger report rather than an instrument or indicator of its own. */
export const isFieldLevel = (m: SeriesMeta): boolean => parseCftcSeriesId(m.id) !== null;

/** The distinct words of a search text, lower case. */
export const searchWords = (text: string | null | undefined): string[] => [...new Set((text ?? '').toLowerCase().split(/\s+/).filter(Boolean))];

interface Ranked {
  meta: SeriesMeta;
  tier: Tier;
  /** Words found at the start of a word of the id or name: "russell" in "iShares Russell 2000" counts, "ell" does not. */
  wholeWords: number;
}

// A word at the start of a word of the title; compiled once per search, not once per series.
const wordStart = (w: string): RegExp => new RegExp(`(^|[^a-z0-9])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

function rank(meta: SeriesMeta, words: string[], starts: RegExp[], text: string): Ranked | null {
  // Each series' text is built once per search, not once per word.
  const all = describe(meta);
  if (!words.every((w) => all.includes(w))) return null;
  const title = `${meta.id} ${meta.name}`.toLowerCase();
  const wholeWords = starts.filter((re) => re.test(title)).length;
  const tier = meta.id.toLowerCase() === text ? Tier.ExactId : isFieldLevel(meta) ? Tier.FieldLevel : words.every((w) => title.includes(w)) ? Tier.NameMatch : Tier.OtherMatch;
  return { meta, tier, wholeWords };
}

/**
 * The series every word of `text` appears in (case-insensitive: id, name, unit, frequency, source,
 * notes), best first. Within a tier: more whole-word matches first, then the shorter name (the words
 * are more of it), then the id, so the order is total and pages are stable.
 */
export function rankSeries(all: readonly SeriesMeta[], text: string | null | undefined): SeriesMeta[] {
  const words = searchWords(text);
  const starts = words.map(wordStart);
  const exact = (text ?? '').trim().toLowerCase();
  return all
    .map((m) => rank(m, words, starts, exact))
    .filter((r): r is Ranked => r !== null)
    .sort((a, b) => a.tier - b.tier || b.wholeWords - a.wholeWords || a.meta.name.length - b.meta.name.length || (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0))
    .map((r) => r.meta);
}
