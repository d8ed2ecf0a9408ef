// Bundled into a page in place of office.js: Office and CustomFunctions as one host has them
// (support/addin/office-globals.ts), CustomFunctions.associate recording each function under its
// id, and `window.__recalc` calling the functions as Excel would: all cells of one recalculation at
// once, each settling to a value or an error. A result holding a data type (an object such as a
// formatted number) on a host without CustomFunctionsRuntime 1.4 is #VALUE!, as Excel shows it.
import { isSetSupportedOn, type HostProfile } from '../addin/host-profiles.js';
import { officeGlobals } from '../addin/office-globals.js';
import type { CellResult } from './office-stand-in.js';

type Fn = (...args: unknown[]) => unknown;

const holdsDataType = (v: unknown): boolean => (Array.isArray(v) ? v.some(holdsDataType) : typeof v === 'object' && v !== null);

export function install(host: HostProfile): void {
  const w = window as unknown as Record<string, unknown>;
  const registered: Record<string, Fn> = {};
  const { Office, CustomFunctions } = officeGlobals(host);
  CustomFunctions.associate = (id, fn) => void (registered[id] = fn);
  Object.assign(w, { Office, CustomFunctions, __host: host, __registered: registered });
  const isFunctionsError = (e: unknown) => CustomFunctions.Error !== undefined && e instanceof CustomFunctions.Error;
  w.__recalc = (cells: [string, unknown[]][]): Promise<CellResult[]> =>
    Promise.all(
      cells.map(async ([id, args]): Promise<CellResult> => {
        const fn = registered[id];
        if (!fn) return { error: { code: '#NAME?', message: `no function ${id}`, isCustomFunctionsError: false } };
        try {
          const value = await fn(...args);
          if (holdsDataType(value) && !isSetSupportedOn(host, 'CustomFunctionsRuntime', '1.4')) {
            return { error: { code: '#VALUE!', message: 'a data type, which this Excel cannot take from a custom function', isCustomFunctionsError: false } };
          }
          return { value };
        } catch (e) {
          const { code, message } = e as { code?: string; message?: string };
          return { error: { code: code ?? '#VALUE!', message: message ?? String(e), isCustomFunctionsError: isFunctionsError(e) } };
        }
      }),
    );
}
