// What Excel's custom functions runtime provides to functions.js, served in place of office.js:
// CustomFunctions.associate records each function under its id, and CustomFunctions.Error is an
// error carrying an Excel error code. `window.__recalc` then calls the functions as Excel would:
// all cells of one recalculation at once, each settling to a value or an error.
// `excelApi` lists the ExcelApi requirement-set versions the host declares through
// Office.context.requirements (none by default: a host without data types).
export function officeStandIn(opts: { excelApi?: readonly string[] } = {}): string {
  const requirements = opts.excelApi
    ? `window.Office = { context: { requirements: { isSetSupported(name, version) {
    return name === 'ExcelApi' && ${JSON.stringify(opts.excelApi)}.includes(version);
  } } } };`
    : '';
  return `${requirements}
window.__registered = {};
window.CustomFunctions = {
  associate(id, fn) { window.__registered[id] = fn; },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!',
    divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
  Error: class CustomFunctionsError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  },
};
window.__recalc = (cells) => Promise.all(cells.map(([id, args]) => {
  const fn = window.__registered[id];
  if (!fn) return { error: { code: '#NAME?', message: 'no function ' + id } };
  return Promise.resolve()
    .then(() => fn(...args))
    .then((value) => ({ value }),
          (e) => ({ error: { code: e.code ?? 'thrown', message: e.message, isCustomFunctionsError: e instanceof CustomFunctions.Error } }));
}));
`;
}

export const OFFICE_STAND_IN = officeStandIn();

export type CellResult =
  | { value: unknown; error?: undefined }
  | { value?: undefined; error: { code: string; message: string; isCustomFunctionsError: boolean } };
