// Calculating a TIDE formula as Excel does: its references looked up on its sheet, then the
// registered function called with the cell as the invocation. No Node APIs: used in the browser too.
import { quoteSheet } from '../../addin/src/shared/a1.js';
import type { Evaluate } from './excel-stand-in.js';
import { evaluateCall } from './formula-args.js';

export type CallFunction = (id: string, args: unknown[], invocation: { address: string }) => Promise<unknown>;

export function tideEvaluator(call: CallFunction): Evaluate {
  return async (formula, at, book) => {
    const cells = new Proxy({} as Record<string, unknown>, {
      has: (_, k) => typeof k === 'string' && /^[A-Z]+\d+$/.test(k),
      get: (_, k) => book.cellAt(`${quoteSheet(at.sheet)}!${String(k)}`).value ?? null,
    });
    const { id, args } = evaluateCall(formula, cells);
    try {
      return (await call(id, args, { address: at.address })) as never;
    } catch (e) {
      return (e as { code?: string }).code ?? '#VALUE!';
    }
  };
}
