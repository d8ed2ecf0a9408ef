// SERIES's options argument: a transform and/or a release, in any order, separated by commas or
// semicolons ("YOY", "FIRST", "YOY, FIRST", "transform=YOY; release=FIRST"). One argument keeps the
// family's order (ids, window, start, end, frequency, options, asOf, headers) and every formula
// written before releases existed ("YOY" alone) still means what it meant.
import { isOmitted, optionalChoice } from '../shared/args.js';
import { ArgumentError } from '../shared/errors.js';
import type { Release, Transform } from '../generated/enums.js';
import { RELEASES, TRANSFORMS } from './choices.js';

export interface SeriesOptions {
  transform?: Transform;
  release?: Release;
}

const ARGUMENT = 'options';
const list = (choices: object): string => [...new Set(Object.keys(choices))].join(', ');

function named(key: string, value: string): SeriesOptions {
  const k = key.trim().toLowerCase();
  if (k === 'transform') return { transform: optionalChoice(ARGUMENT, value, TRANSFORMS) };
  if (k === 'release') return { release: optionalChoice(ARGUMENT, value, RELEASES) };
  throw new ArgumentError(ARGUMENT, `"${key.trim()}" is not an option; use transform=… or release=…`);
}

function bare(word: string): SeriesOptions {
  const attempt = <T extends string>(choices: Record<string, T>): T | undefined => {
    try {
      return optionalChoice(ARGUMENT, word, choices);
    } catch {
      return undefined;
    }
  };
  const transform = attempt(TRANSFORMS);
  if (transform) return { transform };
  const release = attempt(RELEASES);
  if (release) return { release };
  throw new ArgumentError(ARGUMENT, `"${word.trim()}" is neither a transform (${list(TRANSFORMS)}) nor a release (${list(RELEASES)})`);
}

export function seriesOptions(raw: unknown): SeriesOptions {
  if (isOmitted(raw)) return {};
  if (typeof raw !== 'string') throw new ArgumentError(ARGUMENT, `expected text such as "YOY" or "YOY, FIRST", got ${String(raw)}`);
  const out: SeriesOptions = {};
  for (const part of raw
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.indexOf('=');
    const one = eq >= 0 ? named(part.slice(0, eq), part.slice(eq + 1)) : bare(part);
    for (const key of ['transform', 'release'] as const) {
      if (one[key] === undefined) continue;
      if (out[key] !== undefined) throw new ArgumentError(ARGUMENT, `gives two ${key}s (${out[key]} and ${one[key]}); keep one`);
    }
    if (one.transform !== undefined) out.transform = one.transform;
    if (one.release !== undefined) out.release = one.release;
  }
  return out;
}
