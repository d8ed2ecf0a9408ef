// Turns what Excel hands a custom function (numbers, text, booleans, null for an omitted argument,
// "" for an empty cell) into checked values. Omitted and empty mean "use the default", as in
// Excel's own functions.
import { ArgumentError } from './errors.js';
import { isoToUtc, serialToIso, utcToIso } from './dates.js';

export type CellValue = number | string | boolean | null | undefined;

export function isOmitted(v: unknown): v is null | undefined | '' {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

export function requiredText(name: string, v: unknown): string {
  if (isOmitted(v)) throw new ArgumentError(name, 'is required');
  if (typeof v !== 'string' && typeof v !== 'number') {
    throw new ArgumentError(name, `expected text, got ${describe(v)}`);
  }
  return String(v).trim();
}

export function optionalText(name: string, v: unknown): string | undefined {
  return isOmitted(v) ? undefined : requiredText(name, v);
}

/**
 * A date given as an Excel serial (a date cell), ISO text `YYYY-MM-DD`, or a serial typed as text.
 * Returns ISO text, the API's date form.
 */
export function requiredDate(name: string, v: unknown): string {
  if (isOmitted(v)) throw new ArgumentError(name, 'is required (a date cell, a date serial or text like "2024-07-01")');
  if (typeof v === 'number') return serialDate(name, v);
  if (typeof v === 'string') {
    const text = v.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return serialDate(name, Number(text));
    const iso = text.slice(0, 10);
    // Accept 2024-07-01T00:00 as well: people paste timestamps.
    if ((text.length === 10 || text[10] === 'T' || text[10] === ' ') && isoToUtc(iso) !== undefined) {
      return utcToIso(isoToUtc(iso)!);
    }
    throw new ArgumentError(name, `"${text}" is not a date; use a date cell, a serial, or text like "2024-07-01"`);
  }
  throw new ArgumentError(name, `expected a date, got ${describe(v)}`);
}

export function optionalDate(name: string, v: unknown): string | undefined {
  return isOmitted(v) ? undefined : requiredDate(name, v);
}

function serialDate(name: string, serial: number): string {
  try {
    return serialToIso(serial);
  } catch (e) {
    throw new ArgumentError(name, (e as Error).message);
  }
}

/** A whole number in [min, max]; a number typed as text is accepted. */
export function requiredInt(name: string, v: unknown, min: number, max: number): number {
  if (isOmitted(v)) throw new ArgumentError(name, `is required (a whole number from ${min} to ${max})`);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ArgumentError(name, `${describe(v)} is not a whole number from ${min} to ${max}`);
  }
  return n;
}

export function optionalBool(name: string, v: unknown, fallback: boolean): boolean {
  if (isOmitted(v)) return fallback;
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toUpperCase();
    if (t === 'TRUE' || t === 'YES' || t === '1') return true;
    if (t === 'FALSE' || t === 'NO' || t === '0') return false;
  }
  throw new ArgumentError(name, `expected TRUE or FALSE, got ${describe(v)}`);
}

/**
 * One of a fixed set of choices, matched case-insensitively, ignoring spaces, dashes and
 * underscores, so "asset manager", "Asset_Manager" and "ASSETMANAGER" all match.
 */
export function optionalChoice<T extends string>(name: string, v: unknown, choices: Record<string, T>, fallback: T): T;
export function optionalChoice<T extends string>(name: string, v: unknown, choices: Record<string, T>, fallback?: undefined): T | undefined;
export function optionalChoice<T extends string>(name: string, v: unknown, choices: Record<string, T>, fallback?: T): T | undefined {
  if (isOmitted(v)) return fallback;
  if (typeof v !== 'string') throw new ArgumentError(name, `expected text, got ${describe(v)}`);
  const key = normaliseChoice(v);
  for (const [alias, value] of Object.entries(choices)) if (normaliseChoice(alias) === key) return value;
  const allowed = [...new Set(Object.keys(choices))].join(', ');
  throw new ArgumentError(name, `"${v.trim()}" is not one of: ${allowed}`);
}

function normaliseChoice(s: string): string {
  return s.toUpperCase().replace(/[\s_\-]+/g, '');
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `"${v}"`;
  if (Array.isArray(v)) return 'a range (give a single cell)';
  return String(v);
}
