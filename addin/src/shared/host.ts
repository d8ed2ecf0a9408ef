// What the Excel running the add-in can do, by Microsoft's requirement sets. The manifest declares
// the floor (MANIFEST_REQUIREMENTS): Excel does not load the add-in without it. Everything the
// add-in uses above the floor is one entry of HOST_FEATURES, asked of the host at run time with
// Office.context.requirements.isSetSupported, and each caller has a way that works without it.
// Sets and versions are from Microsoft's tables ("Excel JavaScript API requirement sets", "Custom
// Functions requirement sets", "Shared runtime requirement sets").

export type RequirementSetName = 'ExcelApi' | 'CustomFunctionsRuntime' | 'SharedRuntime';

export interface Requirement {
  set: RequirementSetName;
  version: string;
}

/**
 * What the add-in cannot work without: the task pane and the functions share one runtime
 * (SharedRuntime 1.1), the functions need the custom functions runtime, and the pane reads
 * workbooks with the *OrNullObject methods of ExcelApi 1.4.
 */
export const MANIFEST_REQUIREMENTS: readonly Requirement[] = [
  { set: 'SharedRuntime', version: '1.1' },
  { set: 'CustomFunctionsRuntime', version: '1.1' },
  { set: 'ExcelApi', version: '1.4' },
];

/** Every capability above the floor, and the set it came with. */
export const HOST_FEATURES = {
  /** A custom function may return a data type (here: a number with its display format), not only a plain value. */
  dataTypeResults: { set: 'CustomFunctionsRuntime', version: '1.4' },
  /** The FormattedNumberCellValue data type. */
  formattedNumberValue: { set: 'ExcelApi', version: '1.16' },
  /** DoubleCellValue with numberFormat, which replaced FormattedNumberCellValue. */
  doubleWithFormat: { set: 'ExcelApi', version: '1.19' },
  /** CustomFunctions.Error: a function's failure shown as an Excel error with its message. */
  functionErrors: { set: 'CustomFunctionsRuntime', version: '1.2' },
  /** Range.getSpillingToRangeOrNullObject and getSpillParentOrNullObject. */
  spills: { set: 'ExcelApi', version: '1.12' },
  /** Workbook.notes: cell notes. */
  notes: { set: 'ExcelApi', version: '1.18' },
} as const satisfies Record<string, Requirement>;

export type HostFeature = keyof typeof HOST_FEATURES;

/** Whether this host declares `set` at `version` or later; false outside Office or when it cannot answer. */
export function hostSupports(set: RequirementSetName, version: string): boolean {
  if (typeof Office === 'undefined') return false;
  try {
    return Office.context?.requirements?.isSetSupported(set, version) === true;
  } catch {
    return false; // a host that cannot answer is taken as one without the set
  }
}

export function hostHas(feature: HostFeature): boolean {
  const { set, version } = HOST_FEATURES[feature];
  return hostSupports(set, version);
}
