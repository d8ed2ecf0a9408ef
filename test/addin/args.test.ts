import { describe, expect, it } from 'vitest';
import { optionalBool, optionalChoice, optionalDate, requiredDate, requiredInt, requiredText } from '../../addin/src/shared/args.js';
import { ArgumentError } from '../../addin/src/shared/errors.js';
import { FREQUENCIES, TRADER_GROUPS } from '../../addin/src/functions/choices.js';

function argError(fn: () => unknown): ArgumentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArgumentError);
    return e as ArgumentError;
  }
  throw new Error('expected an ArgumentError');
}

describe('argument parsing', () => {
  it('treats omitted (null/undefined) and empty cells as "use the default"', () => {
    for (const omitted of [null, undefined, '', '  ']) {
      expect(optionalDate('start', omitted)).toBeUndefined();
      expect(optionalBool('headers', omitted, false)).toBe(false);
      expect(optionalChoice('frequency', omitted, FREQUENCIES, 'WEEKLY')).toBe('WEEKLY');
    }
  });

  it('accepts dates as serials, date cells, ISO text, serials typed as text and timestamps', () => {
    expect(requiredDate('start', 45474)).toBe('2024-07-01');
    expect(requiredDate('start', 45474.5)).toBe('2024-07-01');
    expect(requiredDate('start', '2024-07-01')).toBe('2024-07-01');
    expect(requiredDate('start', ' 45474 ')).toBe('2024-07-01');
    expect(requiredDate('start', '2024-07-01T15:30:00Z')).toBe('2024-07-01');
  });

  it('names the argument and the reason for a bad date', () => {
    expect(argError(() => requiredDate('start', 'July 1')).message).toBe('start: "July 1" is not a date; use a date cell, a serial, or text like "2024-07-01"');
    expect(argError(() => requiredDate('end', '2024-02-30')).argument).toBe('end');
    expect(argError(() => requiredDate('asOf', 60)).message).toMatch(/^asOf: serial 60/);
    expect(argError(() => requiredDate('meeting', null)).message).toMatch(/^meeting: is required/);
    expect(argError(() => requiredDate('start', true)).message).toBe('start: expected a date, got true');
  });

  it('checks whole numbers and their range', () => {
    expect(requiredInt('window', 60, 2, 2520)).toBe(60);
    expect(requiredInt('window', '20', 2, 2520)).toBe(20);
    expect(argError(() => requiredInt('window', 1, 2, 2520)).message).toBe('window: 1 is not a whole number from 2 to 2520');
    expect(argError(() => requiredInt('window', 2.5, 2, 2520)).argument).toBe('window');
    expect(argError(() => requiredInt('window', undefined, 2, 2520)).message).toMatch(/is required/);
  });

  it('matches choices ignoring case, spaces, dashes and underscores, and lists the allowed ones', () => {
    expect(optionalChoice('group', 'asset manager', TRADER_GROUPS)).toBe('ASSET_MANAGER');
    expect(optionalChoice('group', 'Lev-Money', TRADER_GROUPS)).toBe('LEVERAGED_FUNDS');
    expect(optionalChoice('frequency', 'w', FREQUENCIES)).toBe('WEEKLY');
    const e = argError(() => optionalChoice('frequency', 'hourly', FREQUENCIES));
    expect(e.message).toBe('frequency: "hourly" is not one of: DAILY, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, D, W, M, Q, A, Y, YEARLY');
  });

  it('reads booleans as Excel does and rejects ranges where one cell is expected', () => {
    expect(optionalBool('headers', true, false)).toBe(true);
    expect(optionalBool('headers', 'false', true)).toBe(false);
    expect(optionalBool('headers', 1, false)).toBe(true);
    expect(argError(() => optionalBool('headers', 'maybe', false)).message).toBe('headers: expected TRUE or FALSE, got "maybe"');
    expect(argError(() => requiredText('id', [['RUT']])).message).toBe('id: expected text, got a range (give a single cell)');
    expect(requiredText('contract', 239742)).toBe('239742');
  });
});
