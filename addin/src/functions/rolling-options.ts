// The options argument of the rolling functions (VOL, CORR, BETA, RELVOL): today one option, the
// fewest valid observations a window needs to have a value (the API's minObservations; default: the
// window). Written "min=200", "minObservations=200", or as the bare number (a cell holding 200).
// It sits in the family's options slot, before asOf, like SERIES's options.
import { isOmitted } from '../shared/args.js';
import { isoToUtc } from '../shared/dates.js';
import { ArgumentError } from '../shared/errors.js';

export interface RollingOptions {
  minObservations?: number;
}

const ARGUMENT = 'options';
const KEYS = new Set(['min', 'minobs', 'minobservations', 'min_observations']);
/** Above any window (the longest is 2,520) and within date serials since 1907: a date put where asOf used to be. */
const LOOKS_LIKE_DATE_SERIAL = 2_520;

/** A formula from before options existed may hold its asOf here; say where asOf went. */
function misplacedAsOf(shown: string): ArgumentError {
  return new ArgumentError(ARGUMENT, `${shown} looks like a date; asOf comes after options (…, frequency, options, asOf, headers)`);
}

function count(text: string, window: number): number {
  const t = text.trim();
  if (!/^[+-]?\d+(\.\d+)?$/.test(t)) {
    if (isoToUtc(t.slice(0, 10)) !== undefined) throw misplacedAsOf(`"${t}"`);
    throw new ArgumentError(ARGUMENT, `"${t}" is not an option; use min=N (the fewest observations a window needs, 2 to the window ${window})`);
  }
  return checked(Number(t), window);
}

function checked(n: number, window: number): number {
  if (Number.isInteger(n) && n >= 2 && n <= window) return n;
  if (Number.isInteger(n) && n > LOOKS_LIKE_DATE_SERIAL) throw misplacedAsOf(String(n));
  throw new ArgumentError(ARGUMENT, `min=${n}: the fewest observations a window needs must be a whole number from 2 to the window (${window})`);
}

/** Parses and checks the options against the window they apply to. */
export function rollingOptions(raw: unknown, window: number): RollingOptions {
  if (isOmitted(raw)) return {};
  if (typeof raw === 'number') return { minObservations: checked(raw, window) };
  if (typeof raw !== 'string') throw new ArgumentError(ARGUMENT, `expected text such as "min=60", got ${String(raw)}`);
  const out: RollingOptions = {};
  for (const part of raw
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq >= 0 && !KEYS.has(part.slice(0, eq).trim().toLowerCase())) {
      throw new ArgumentError(ARGUMENT, `"${part.slice(0, eq).trim()}" is not an option; use min=N (the fewest observations a window needs)`);
    }
    const n = count(eq >= 0 ? part.slice(eq + 1) : part, window);
    if (out.minObservations !== undefined) throw new ArgumentError(ARGUMENT, `gives min twice (${out.minObservations} and ${n}); keep one`);
    out.minObservations = n;
  }
  return out;
}
