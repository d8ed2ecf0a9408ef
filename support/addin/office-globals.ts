// Office's globals for add-in code run in Node (the unit tests): Office.context.requirements
// answering from a host profile, and CustomFunctions as that host's runtime has it (the Error class
// from CustomFunctionsRuntime 1.2 only). Returns a function that removes them again.
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

export function installOffice(host: HostProfile = DEFAULT_HOST, extra: { document?: unknown } = {}): () => void {
  const g = globalThis as Record<string, unknown>;
  const before = { Office: g.Office, CustomFunctions: g.CustomFunctions };
  g.Office = {
    context: { requirements: { isSetSupported: (name: string, minVersion?: string) => isSetSupportedOn(host, name, minVersion) }, document: extra.document },
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'PC' }),
  };
  g.CustomFunctions = {
    ErrorCode: ERROR_CODES,
    ...(isSetSupportedOn(host, 'CustomFunctionsRuntime', '1.2') ? { Error: CustomFunctionsError } : {}),
  };
  return () => {
    g.Office = before.Office;
    g.CustomFunctions = before.CustomFunctions;
  };
}
