// Excel passes a function its cell as a last extra argument (`requiresAddress` in functions.json,
// set for every TIDE function by the build). This wrapper takes it off, waits for the runtime's
// settings and pin, and runs the body as that cell so Explain can show what the cell asked.
// Arguments that are data-type values (a cell holding a formatted TIDE result, say) are passed on
// as their plain values: the bodies parse numbers, text and booleans.
import { asCell, recordResult } from '../client/call-log.js';
import { basicValue } from '../shared/cell-values.js';

interface Invocation {
  address?: string;
}

function isInvocation(v: unknown): v is Invocation {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'address' in v;
}

export function withCell(id: string, fn: (...args: unknown[]) => unknown, ready: () => Promise<void>): (...args: unknown[]) => Promise<unknown> {
  return async (...all: unknown[]) => {
    const last = all[all.length - 1];
    const invocation = isInvocation(last) ? last : undefined;
    const args = (invocation ? all.slice(0, -1) : all).map(basicValue);
    await ready();
    const result = await asCell(invocation?.address, id, args, () => fn(...args));
    recordResult(invocation?.address, result);
    return result;
  };
}
