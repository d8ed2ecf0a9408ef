import { describe, expect, it } from 'vitest';
import { seriesOptions } from '../../addin/src/functions/series-options.js';

describe("SERIES's options argument", () => {
  it('a transform, a release, both in either order, or named', () => {
    expect(seriesOptions(null)).toEqual({});
    expect(seriesOptions('')).toEqual({});
    expect(seriesOptions('yoy')).toEqual({ transform: 'YOY' });
    expect(seriesOptions('pct change')).toEqual({ transform: 'PCT_CHANGE' });
    expect(seriesOptions('first')).toEqual({ release: 'FIRST' });
    expect(seriesOptions('Initial release')).toEqual({ release: 'FIRST' });
    expect(seriesOptions('FIRST; ANNUALIZED')).toEqual({ transform: 'ANNUALIZED', release: 'FIRST' });
    expect(seriesOptions('transform=YOY, release=latest')).toEqual({ transform: 'YOY', release: 'LATEST' });
  });

  it('says what is wrong, naming the argument', () => {
    expect(() => seriesOptions('SECOND')).toThrow(
      /^options: "SECOND" is neither a transform \(LEVEL, CHANGE, PCT_CHANGE, .*\) nor a release \(LATEST, LAST, FIRST, FIRST_RELEASE, FIRST_PRINT, INITIAL, INITIAL_RELEASE\)$/,
    );
    expect(() => seriesOptions('release=YOY')).toThrow(/^options: "YOY" is not one of: LATEST/);
    expect(() => seriesOptions('FIRST, LATEST')).toThrow('options: gives two releases (FIRST and LATEST); keep one');
    expect(() => seriesOptions('as=FIRST')).toThrow(/^options: "as" is not an option/);
    expect(() => seriesOptions(3)).toThrow(/^options: expected text/);
  });
});
