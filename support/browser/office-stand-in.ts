// What Excel's custom functions runtime provides to functions.js, served in place of office.js, as
// one host (a profile from support/addin/host-profiles.ts; Office LTSC 2024 unless told) has it:
// - Office.context.requirements.isSetSupported answers for every set from the profile;
// - CustomFunctions.associate records each function under its id; CustomFunctions.Error (an error
//   carrying an Excel error code) exists from CustomFunctionsRuntime 1.2 only;
// - `window.__recalc` calls the functions as Excel would: all cells of one recalculation at once,
//   each settling to a value or an error. A result holding a data type (an object such as a
//   formatted number) on a host without CustomFunctionsRuntime 1.4 is #VALUE!, as Excel shows it.
import { DEFAULT_HOST, type HostProfile } from '../addin/host-profiles.js';

export function officeStandIn(opts: { host?: HostProfile } = {}): string {
  const host = opts.host ?? DEFAULT_HOST;
  return `
window.__host = ${JSON.stringify(host)};
window.__isSetSupported = (name, minVersion) => {
  const have = window.__host.sets[name];
  if (have === undefined) return false;
  const a = have.split('.').map(Number), b = String(minVersion || '1.1').split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) { const d = (a[i] || 0) - (b[i] || 0); if (d !== 0) return d > 0; }
  return true;
};
window.Office = { onReady: async () => ({ host: 'Excel', platform: 'PC' }), context: { requirements: { isSetSupported: window.__isSetSupported } } };
window.__registered = {};
window.CustomFunctions = {
  associate(id, fn) { window.__registered[id] = fn; },
  ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!',
    divisionByZero: '#DIV/0!', nullReference: '#NULL!', invalidName: '#NAME?', invalidReference: '#REF!' },
};
if (window.__isSetSupported('CustomFunctionsRuntime', '1.2')) {
  window.CustomFunctions.Error = class CustomFunctionsError extends Error {
    constructor(code, message) { super(message); this.code = code; }
  };
}
window.__holdsDataType = (v) => Array.isArray(v) ? v.some(window.__holdsDataType) : typeof v === 'object' && v !== null;
window.__recalc = (cells) => Promise.all(cells.map(([id, args]) => {
  const fn = window.__registered[id];
  if (!fn) return { error: { code: '#NAME?', message: 'no function ' + id } };
  return Promise.resolve()
    .then(() => fn(...args))
    .then((value) => window.__holdsDataType(value) && !window.__isSetSupported('CustomFunctionsRuntime', '1.4')
            ? { error: { code: '#VALUE!', message: 'a data type, which this Excel cannot take from a custom function', isCustomFunctionsError: false } }
            : { value },
          (e) => ({ error: { code: e.code ?? '#VALUE!', message: e.message, isCustomFunctionsError: !!CustomFunctions.Error && e instanceof CustomFunctions.Error } }));
}));
`;
}

export const OFFICE_STAND_IN = officeStandIn();

export type CellResult =
  | { value: unknown; error?: undefined }
  | { value?: undefined; error: { code: string; message: string; isCustomFunctionsError: boolean } };
