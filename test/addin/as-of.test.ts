// resolveAsOf: a cell's own asOf, else the workbook's. The workbook default must reach every copy of
// the module: functions.js and taskpane.js are separate bundles in one page, each with its own copy.
import { afterEach, describe, expect, it, vi } from 'vitest';

async function freshCopy() {
  vi.resetModules();
  return import('../../addin/src/shared/as-of.js');
}

describe('resolveAsOf', () => {
  afterEach(async () => (await freshCopy()).setWorkbookAsOf(undefined));

  it("takes the cell's own date (serial or text), else the workbook default, else none", async () => {
    const { resolveAsOf, setWorkbookAsOf } = await freshCopy();
    expect(resolveAsOf(null)).toBeUndefined();
    expect(resolveAsOf(45488)).toBe('2024-07-15');
    setWorkbookAsOf(() => '2024-06-28');
    expect(resolveAsOf('')).toBe('2024-06-28');
    expect(resolveAsOf('2024-07-15')).toBe('2024-07-15');
    expect(() => resolveAsOf('yesterday')).toThrow('asOf: "yesterday" is not a date; use a date cell, a serial, or text like "2024-07-01"');
  });

  it('a default set through one copy of the module (the task pane bundle) reaches another (the functions bundle)', async () => {
    const taskpane = await freshCopy();
    const functions = await freshCopy();
    expect(functions).not.toBe(taskpane);
    taskpane.setWorkbookAsOf(() => '2024-07-18');
    expect(functions.resolveAsOf(undefined)).toBe('2024-07-18');
    taskpane.setWorkbookAsOf(undefined);
    expect(functions.resolveAsOf(undefined)).toBeUndefined();
  });

  it('a range starting after asOf is refused, naming both dates', async () => {
    const { checkStartNotAfterAsOf } = await freshCopy();
    expect(() => checkStartNotAfterAsOf('2024-07-31', '2024-07-15')).toThrow('start: 2024-07-31 is after asOf 2024-07-15; nothing from that date on was published by then');
    expect(() => checkStartNotAfterAsOf('2024-07-15', '2024-07-15')).not.toThrow();
    expect(() => checkStartNotAfterAsOf(undefined, '2024-07-15')).not.toThrow();
  });
});
