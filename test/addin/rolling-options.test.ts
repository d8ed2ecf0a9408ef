// The options argument of VOL, CORR, BETA and RELVOL: minObservations, checked against the window
// before anything is asked of the API, with a message naming the argument.
import { describe, expect, it } from 'vitest';
import { rollingOptions } from '../../addin/src/functions/rolling-options.js';

describe('rolling functions: the options argument', () => {
  it('min=N, minObservations=N or the bare number, as text or from a number cell', () => {
    expect(rollingOptions(null, 250)).toEqual({});
    expect(rollingOptions('', 250)).toEqual({});
    expect(rollingOptions('min=200', 250)).toEqual({ minObservations: 200 });
    expect(rollingOptions(' MinObservations = 60 ', 250)).toEqual({ minObservations: 60 });
    expect(rollingOptions('min_observations=2', 250)).toEqual({ minObservations: 2 });
    expect(rollingOptions('250', 250)).toEqual({ minObservations: 250 });
    expect(rollingOptions(120, 250)).toEqual({ minObservations: 120 });
  });

  it('a count outside 2 … window, or not whole, is refused naming the window', () => {
    const range = /^options: min=(\S+): the fewest observations a window needs must be a whole number from 2 to the window \(20\)$/;
    for (const bad of ['min=21', 'min=1', 'min=0', 'min=-5', 'min=2.5', 21, 1, 0.5]) {
      expect(() => rollingOptions(bad, 20), String(bad)).toThrow(range);
    }
  });

  it('a date where asOf used to be says that asOf comes after options', () => {
    expect(() => rollingOptions('2024-07-15', 63)).toThrow('options: "2024-07-15" looks like a date; asOf comes after options (…, frequency, options, asOf, headers)');
    expect(() => rollingOptions(45488, 63)).toThrow('options: 45488 looks like a date; asOf comes after options');
  });

  it('anything else is named', () => {
    expect(() => rollingOptions('window=5', 20)).toThrow(/^options: "window" is not an option; use min=N/);
    expect(() => rollingOptions('min=lots', 20)).toThrow(/^options: "lots" is not an option; use min=N/);
    expect(() => rollingOptions('min=5, min=6', 20)).toThrow('options: gives min twice (5 and 6); keep one');
    expect(() => rollingOptions(true, 20)).toThrow(/^options: expected text such as "min=60", got true$/);
  });
});
