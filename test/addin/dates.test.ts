// Reference serials: Excel's documented 1900 system (1900-01-01 = 1, the phantom 1900-02-29 = 60,
// 1900-03-01 = 61); the later ones agree with Python's `(date - date(1899, 12, 30)).days`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isoToSerial, serialToIso, todayIso } from '../../addin/src/shared/dates.js';

const KNOWN: [string, number][] = [
  ['1900-01-01', 1],
  ['1900-02-28', 59],
  ['1900-03-01', 61],
  ['2024-02-29', 45351],
  ['2024-07-01', 45474],
  ['9999-12-31', 2958465],
];

describe('Excel date serials', () => {
  it.each(KNOWN)('%s is serial %i and back', (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });

  it('rejects serial 60, the 29 Feb 1900 that never was', () => {
    expect(() => serialToIso(60)).toThrow(/29 Feb 1900/);
  });

  it('drops the time of day of a date-time serial', () => {
    expect(serialToIso(45474.75)).toBe('2024-07-01');
  });

  it('rejects serials outside Excel dates and text that is not a date', () => {
    expect(() => serialToIso(0)).toThrow(/outside Excel's date range/);
    expect(() => serialToIso(2958466)).toThrow(/outside/);
    expect(() => serialToIso(Number.NaN)).toThrow(/not a number/);
    expect(() => isoToSerial('2023-02-29')).toThrow(/not a calendar date/);
    expect(() => isoToSerial('1899-12-31')).toThrow(/before 1900-01-01/);
  });

  it('round-trips every serial except 60', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60),
        (n) => isoToSerial(serialToIso(n)) === n,
      ),
    );
  });

  it('adds days across month and leap boundaries, and gives the local day', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-07-01', -400)).toBe('2023-05-28');
    expect(todayIso(new Date(2024, 6, 5, 23, 59))).toBe('2024-07-05');
  });
});
