// Office's globals as one host (a profile of host-profiles.ts) has them, for add-in code run outside
// Excel: Office.context.requirements answering from the profile, and CustomFunctions as that host's
// runtime has it (the Error class from CustomFunctionsRuntime 1.2 only). The unit tests install them
// in Node (installOffice); the browser tests' page bundles the same (support/browser/office-page-entry.ts).
// No Node APIs.
import { DEFAULT_HOST, isSetSupportedOn, type HostProfile } from './host-profiles.js';

/** CustomFunctions.ErrorCode as the runtime defines it. */
export const ERROR_CODES = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

export class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export interface OfficeGlobals {
  Office: { onReady(): Promise<{ host: string; platform: string }>; context: { requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>; document?: unknown } };
  CustomFunctions: { ErrorCode: typeof ERROR_CODES; Error?: typeof CustomFunctionsError; associate?(id: string, fn: (...args: unknown[]) => unknown): void };
}

export function officeGlobals(host: HostProfile = DEFAULT_HOST, extra: { document?: unknown } = {}): OfficeGlobals {
  return {
    Office: {
      onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
      // Office declares a number form of the version too (1.1 for "1.1").
      context: {
        requirements: { isSetSupported: (name: string, minVersion?: string | number) => isSetSupportedOn(host, name, minVersion === undefined ? undefined : String(minVersion)) },
        document: extra.document,
      },
    },
    CustomFunctions: {
      ErrorCode: ERROR_CODES,
      ...(isSetSupportedOn(host, 'CustomFunctionsRuntime', '1.2') ? { Error: CustomFunctionsError } : {}),
    },
  };
}

/** Installs the globals on this realm; returns a function that puts back what was there. */
export function installOffice(host: HostProfile = DEFAULT_HOST, extra: { document?: unknown } = {}): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, CustomFunctions: g.CustomFunctions };
  Object.assign(g, officeGlobals(host, extra));
  return () => {
    g.Office = before.Office;
    g.CustomFunctions = before.CustomFunctions;
  };
}
