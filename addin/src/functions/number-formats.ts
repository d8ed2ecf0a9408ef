// How each TIDE result is shown: fractions (changes, returns, run-ups, YOY, probabilities, shares,
// shares of open interest) as percent, basis points as bp; everything else as the plain number. The
// API says which unit a value is in (IndicatorResult.unit); for the fields that have no unit field
// the function knows it from what it asked for (a transform, a measure, a mode).
import { formattedNumber, formattedNumberType, type FormattedNumberCell, type FormattedNumberType } from '../shared/cell-values.js';

export type Display = 'percent' | 'bp';

/** Excel number formats (en-US, as data-type values take them). 0.1154 shows as 11.54 %; 97.88 as 97.9 bp. */
export const NUMBER_FORMATS: Readonly<Record<Display, string>> = {
  percent: '0.00%',
  bp: '#,##0.0" bp"',
};

/** The display for one of the API's unit names; undefined for units shown as plain numbers. */
export function displayForUnit(unit: string | null | undefined): Display | undefined {
  if (unit === 'fraction') return 'percent';
  if (unit === 'bp') return 'bp';
  return undefined;
}

/** SERIES transforms whose values are fractions (the API's Transform description). */
const FRACTION_TRANSFORMS: ReadonlySet<string> = new Set(['PCT_CHANGE', 'LOG_RETURN', 'YOY', 'ANNUALIZED']);

export function displayForTransform(transform: string | undefined): Display | undefined {
  return transform !== undefined && FRACTION_TRANSFORMS.has(transform) ? 'percent' : undefined;
}

/** POSITIONING measures that are fractions (Positioning's field descriptions); the others count contracts. */
const FRACTION_MEASURES: ReadonlySet<string> = new Set(['longShare', 'pctOfOpenInterest', 'netPctOfOpenInterest']);

export function displayForMeasure(measure: string): Display | undefined {
  return FRACTION_MEASURES.has(measure) ? 'percent' : undefined;
}

export type Shown = number | FormattedNumberCell;

/** One number as the cell shows it: formatted where the host can, else the number. */
export function shown(value: number, display: Display | undefined, type: FormattedNumberType | undefined = formattedNumberType()): Shown {
  return display ? formattedNumber(value, NUMBER_FORMATS[display], type) : value;
}
