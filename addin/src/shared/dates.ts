// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is 29 Feb 1900, a day that never
// existed (kept for Lotus 1-2-3 compatibility). From serial 61 (1900-03-01) on, a serial counts days
// since 1899-12-30; before it, days since 1899-12-31.

const DAY_MS = 86_400_000;
const EPOCH_FROM_MARCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_BEFORE_MARCH_1900 = Date.UTC(1899, 11, 31);
/** Serial of 9999-12-31, the last date Excel can show. */
export const MAX_SERIAL = 2_958_465;
export const PHANTOM_LEAP_DAY_SERIAL = 60;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` into a UTC timestamp, or undefined when the text is not a real calendar date. */
export function isoToUtc(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t;
}

export function utcToIso(t: number): string {
  return new Date(t).toISOString().slice(0, 10);
}

/** Excel serial (1900 system) of an ISO date. Throws on text that is not a real date. */
export function isoToSerial(iso: string): number {
  const t = isoToUtc(iso);
  if (t === undefined) throw new RangeError(`"${iso}" is not a calendar date in YYYY-MM-DD form`);
  if (t >= Date.UTC(1900, 2, 1)) return Math.round((t - EPOCH_FROM_MARCH_1900) / DAY_MS);
  const serial = Math.round((t - EPOCH_BEFORE_MARCH_1900) / DAY_MS);
  if (serial < 1) throw new RangeError(`${iso} is before 1900-01-01, the first date Excel knows`);
  return serial;
}

/**
 * ISO date of an Excel serial. The time of day (the fraction) is dropped. Throws on serials Excel
 * cannot show as a date and on serial 60, which names no real day.
 */
export function serialToIso(serial: number): string {
  if (!Number.isFinite(serial)) throw new RangeError(`${serial} is not a number`);
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL) {
    throw new RangeError(`${serial} is outside Excel's date range (1 = 1900-01-01 to ${MAX_SERIAL} = 9999-12-31)`);
  }
  if (day === PHANTOM_LEAP_DAY_SERIAL) {
    throw new RangeError("serial 60 is Excel's 29 Feb 1900, a day that did not exist");
  }
  const epoch = day > PHANTOM_LEAP_DAY_SERIAL ? EPOCH_FROM_MARCH_1900 : EPOCH_BEFORE_MARCH_1900;
  return utcToIso(epoch + day * DAY_MS);
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const t = isoToUtc(iso);
  if (t === undefined) throw new RangeError(`"${iso}" is not a calendar date in YYYY-MM-DD form`);
  return utcToIso(t + days * DAY_MS);
}

/** Today's date where the workbook is open (local calendar day, not UTC). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
