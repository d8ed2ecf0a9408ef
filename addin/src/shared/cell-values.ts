// A number that carries its own display format into the cell, where Excel can show one, and a plain
// number where it cannot. The cell's value stays a number either way: formulas on it compute with it.
//
// Excel takes such a value from a custom function as a data type (the functions' metadata sets
// `allowCustomDataForDataTypeAny`): a DoubleCellValue with `numberFormat` from ExcelApi 1.19, the
// FormattedNumberCellValue it replaced from ExcelApi 1.16. Older hosts get the bare number.

/** What a formatted number looks like to Excel (its JSON schema for cell values). */
export interface FormattedNumberCell {
  type: 'Double' | 'FormattedNumber';
  basicType: 'Double';
  basicValue: number;
  /** An Excel number format in the en-US locale, e.g. `0.00%`. */
  numberFormat: string;
}

export type FormattedNumberType = FormattedNumberCell['type'];

interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/**
 * Which formatted-number value this host understands, from the requirement sets it declares; undefined
 * outside Office or in a host older than ExcelApi 1.16 (then functions return plain numbers).
 */
export function formattedNumberType(): FormattedNumberType | undefined {
  const requirements = (globalThis as { Office?: { context?: { requirements?: Requirements } } }).Office?.context?.requirements;
  if (!requirements || typeof requirements.isSetSupported !== 'function') return undefined;
  try {
    if (requirements.isSetSupported('ExcelApi', '1.19')) return 'Double';
    if (requirements.isSetSupported('ExcelApi', '1.16')) return 'FormattedNumber';
  } catch {
    // A host that cannot answer is treated as one without the sets.
  }
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
