// Bundled into the page in place of office.js (after the custom functions stand-in): a workbook in
// the Excel stand-in whose TIDE formulas call the functions functions.js registers, the document
// settings saved in that workbook, and OfficeRuntime.storage kept in the browser profile (as Office
// keeps it per add-in across restarts).
import { quoteSheet } from '../../addin/src/shared/a1.js';
import { WorkbookStandIn } from '../addin/excel-stand-in.js';
import type { HostProfile } from '../addin/host-profiles.js';
import { tideEvaluator } from '../addin/tide-evaluate.js';

interface Setup {
  sheets: string[];
  cells: { sheet: string; cell: string; content: string | number }[];
  settings: Record<string, unknown>;
  selection?: { sheet: string; address: string };
  host: HostProfile;
}

type Fn = (...args: unknown[]) => Promise<unknown>;

export function install(setup: Setup): void {
  const w = window as unknown as Record<string, unknown>;
  const evaluate = tideEvaluator((id, args, invocation) => {
    const fn = (w.__registered as Record<string, Fn>)[id];
    if (!fn) return Promise.reject({ code: '#NAME?' });
    return fn(...args, invocation);
  });
  const book = new WorkbookStandIn({ sheets: setup.sheets, evaluate, settings: setup.settings, host: setup.host });
  for (const c of setup.cells) void book.setCells(`${quoteSheet(c.sheet)}!${c.cell}`, [[c.content]], false);
  if (setup.selection) book.select(setup.selection.sheet, setup.selection.address);
  w.__book = book;
  w.Excel = book.excel;
  const requirements = (w.Office as { context: { requirements: unknown } }).context.requirements; // the host profile's answers
  const handlers: Record<string, (() => void)[]> = {};
  w.Office = {
    onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
    EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
    context: {
      host: 'Excel',
      requirements,
      document: { settings: book.settings, addHandlerAsync: (event: string, handler: () => void) => void (handlers[event] ??= []).push(handler) },
    },
  };
  w.OfficeRuntime = {
    storage: {
      getItem: async (k: string) => localStorage.getItem(k),
      setItem: async (k: string, v: string) => localStorage.setItem(k, v),
      removeItem: async (k: string) => localStorage.removeItem(k),
    },
  };
  /** Opening the file: Excel calculates every formula (the sample sets fullCalcOnLoad). */
  w.__open = async () => {
    await book.calculate();
    return formulaCells(book);
  };
  w.__formulaCells = () => formulaCells(book);
}

/** Every formula cell and what it shows. */
function formulaCells(book: WorkbookStandIn): { address: string; shown: unknown }[] {
  const out: { address: string; shown: unknown }[] = [];
  for (const sheet of book.sheets) {
    const { shown } = book.layout(sheet);
    for (const [k, cell] of sheet.cells) {
      if (cell.formula === undefined) continue;
      const [r, c] = k.split(',').map(Number);
      out.push({ address: `${quoteSheet(sheet.name)}!R${r + 1}C${c + 1}`, shown: shown.get(k) });
    }
  }
  return out;
}
