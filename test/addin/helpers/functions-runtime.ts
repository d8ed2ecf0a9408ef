// The add-in's functions as the shared runtime registers them (the real wrapper, bodies, client,
// answer cache and pin), called from the Excel stand-in's calculation against a real Tide server.
import * as customFunctions from '../../../addin/src/functions/custom-functions.js';
import { withCell } from '../../../addin/src/functions/invocation.js';
import { configureClient, runtimeReady } from '../../../addin/src/client/runtime.js';
import { sheetPrefix, type Evaluate } from './excel-stand-in.js';
import { evaluateCall } from './formula-args.js';

class CustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: CustomFunctionsError };

const registered = Object.fromEntries(
  Object.entries(customFunctions).map(([name, fn]) => [name.toUpperCase(), withCell(name.toUpperCase(), fn as (...a: unknown[]) => unknown, runtimeReady)]),
);

export function connect(server: { url: string; apiKey: string }): void {
  configureClient({ url: `${server.url}/graphql`, apiKey: server.apiKey });
}

/** Calculates a TIDE formula as Excel would: references looked up on its sheet, the cell passed as the invocation. */
export function evaluator(): Evaluate {
  return async (formula, at, book) => {
    const cells = new Proxy({} as Record<string, unknown>, {
      has: (_, k) => typeof k === 'string' && /^[A-Z]+\d+$/.test(k),
      get: (_, k) => book.cellAt(`${sheetPrefix(at.sheet)}!${String(k)}`).value ?? null,
    });
    const { id, args } = evaluateCall(formula, cells);
    try {
      return (await registered[id](...args, { address: at.address })) as never;
    } catch (e) {
      return (e as { code?: string }).code ?? '#VALUE!';
    }
  };
}
