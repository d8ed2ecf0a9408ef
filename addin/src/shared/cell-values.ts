// A number that carries its own display format into the cell, where Excel can show one, and a plain
// number where it cannot. The cell's value stays a number either way: formulas on it compute with it.
//
// Excel takes such a value from a custom function as a data type (the functions' metadata sets
// `allowCustomDataForDataTypeAny`): a DoubleCellValue with `numberFormat` from ExcelApi 1.19, the
// FormattedNumberCellValue it replaced from ExcelApi 1.16. Older hosts get the bare number.
import { hostHas } from './host.js';

/** What a formatted number looks like to Excel (its JSON schema for cell values). */
export interface FormattedNumberCell {
  type: 'Double' | 'FormattedNumber';
  basicType: 'Double';
  basicValue: number;
  /** An Excel number format in the en-US locale, e.g. `0.00%`. */
  numberFormat: string;
}

export type FormattedNumberType = FormattedNumberCell['type'];

/**
 * Which formatted-number value this host takes from a custom function, from the requirement sets it
 * declares: a function may return a data type only from CustomFunctionsRuntime 1.4 (Office 2024 and
 * 2021 have ExcelApi 1.16 but not that: a data type there fails the cell), and the value types are
 * ExcelApi's. Undefined outside Office or in an older host: functions return plain numbers.
 */
export function formattedNumberType(): FormattedNumberType | undefined {
  if (!hostHas('dataTypeResults')) return undefined;
  if (hostHas('doubleWithFormat')) return 'Double';
  if (hostHas('formattedNumberValue')) return 'FormattedNumber';
  return undefined;
}

/** `value` shown with `numberFormat` where the host can (as `type`), else the number itself. */
export function formattedNumber(value: number, numberFormat: string, type: FormattedNumberType | undefined = formattedNumberType()): number | FormattedNumberCell {
  if (!type || !Number.isFinite(value)) return value;
  return { type, basicType: 'Double', basicValue: value, numberFormat };
}

export function isCellValueObject(v: unknown): v is { basicValue: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'basicValue' in v;
}

/**
 * The plain value under a data-type value (a formatted number, an entity's basic value), through 2-D
 * arrays: what Range.values would show. Arguments Excel passes may be such values once data types are
 * allowed, and comparisons of results must not see the format.
 */
export function basicValue(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(basicValue);
  return isCellValueObject(v) ? v.basicValue : v;
}
