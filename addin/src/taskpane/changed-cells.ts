// Which TIDE cells of a workbook would show something else as of one date than as of another.
// Each TIDE call in a cell is evaluated twice by the add-in's own functions, with its asOf argument
// set to each date, and the two outcomes compared. Excel is not involved here: the caller reads the
// cells and the values of the cells they refer to, so this stays testable and free of Office.
import { compareOutcomes, type Outcome } from './cell-diff.js';
import { tideCalls, type FormulaArg, type TideCall } from './formula-calls.js';

export interface WorkbookCell {
  sheet: string;
  /** A1 address within the sheet, e.g. "B2". */
  address: string;
  formula: string;
}

export type CellStatus = 'changed' | 'same' | 'pinned' | 'unchecked' | 'timeless';

export interface CellReport extends WorkbookCell {
  status: CellStatus;
  /** What changed, or why the cell was not checked; empty otherwise. */
  summary: string;
}

/** Where each function takes its asOf argument (from functions.json); absent for functions without one. */
export type AsOfPositions = ReadonlyMap<string, number | undefined>;

/** Calls one TIDE function (by id) with Excel-style arguments and reports its value or error. */
export type Evaluate = (name: string, args: unknown[]) => Promise<Outcome>;

/** The value in a referenced cell (sheet defaults to the formula's own). */
export type LookUp = (sheet: string, cell: string) => unknown;

/** The function and arguments Excel last passed for a cell in this session, when it has been calculated. */
export type Recorded = (sheet: string, address: string) => { fn: string; args: unknown[] } | undefined;

const omitted = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The cells a set of formulas refers to, so the caller can read their values in one go. */
export function referencedCells(cells: readonly WorkbookCell[]): { sheet: string; cell: string }[] {
  const seen = new Map<string, { sheet: string; cell: string }>();
  for (const c of cells) {
    for (const call of tideCalls(c.formula)) {
      for (const a of call.args) {
        if (a.kind !== 'ref') continue;
        const ref = { sheet: a.sheet ?? c.sheet, cell: a.cell };
        seen.set(`${ref.sheet}!${ref.cell}`, ref);
      }
    }
  }
  return [...seen.values()];
}

type Checked = { status: CellStatus; summary: string };

function argValue(a: FormulaArg, sheet: string, lookUp: LookUp): unknown {
  switch (a.kind) {
    case 'empty':
      return null;
    case 'literal':
      return a.value;
    case 'ref':
      return lookUp(a.sheet ?? sheet, a.cell);
    case 'expression':
      throw new Error('expression');
  }
}

async function checkCall(call: TideCall, sheet: string, positions: AsOfPositions, lookUp: LookUp, evaluate: Evaluate, since: string, until: string, excelArgs?: unknown[]): Promise<Checked> {
  if (!positions.has(call.name)) return { status: 'unchecked', summary: `TIDE.${call.name} is not a function of this add-in` };
  const asOfAt = positions.get(call.name);
  if (asOfAt === undefined) return { status: 'timeless', summary: '' };
  const given = call.args[asOfAt];
  if ((given && given.kind !== 'empty') || (excelArgs && !omitted(excelArgs[asOfAt]))) return { status: 'pinned', summary: 'has its own asOf' };
  const expression = call.args.find((a) => a.kind === 'expression');
  if (!excelArgs && expression?.kind === 'expression') {
    return { status: 'unchecked', summary: `an argument is a formula (${expression.text}) and the cell has not been calculated since the add-in started; recalculate (Ctrl+Alt+F9) and check again` };
  }
  // Arguments as Excel last passed them (formulas already evaluated), else read from the formula.
  const args = excelArgs ? [...excelArgs] : call.args.map((a) => argValue(a, sheet, lookUp));
  while (args.length <= asOfAt) args.push(null);
  const at = (date: string) =>
    evaluate(
      call.name,
      args.map((v, i) => (i === asOfAt ? date : v)),
    );
  const [then, now] = await Promise.all([at(since), at(until)]);
  const c = compareOutcomes(then, now);
  return { status: c.changed ? 'changed' : 'same', summary: c.summary };
}

// The order in which a cell's calls decide its status: any change wins, then a call that could not
// be checked, then a pinned one; a cell of only timeless calls (SEARCH, INFO) is timeless.
const PRECEDENCE: CellStatus[] = ['changed', 'unchecked', 'same', 'pinned', 'timeless'];

/** Checks every cell holding TIDE calls; all evaluations start at once so the client batches them. */
export async function checkCells(
  cells: readonly WorkbookCell[],
  positions: AsOfPositions,
  lookUp: LookUp,
  evaluate: Evaluate,
  since: string,
  until: string,
  recorded: Recorded = () => undefined,
): Promise<CellReport[]> {
  const reports = await Promise.all(
    cells.map(async (cell): Promise<CellReport | undefined> => {
      const calls = tideCalls(cell.formula);
      if (calls.length === 0) return undefined;
      // Excel records one call per cell: usable when the cell holds exactly that one TIDE call.
      const record = calls.length === 1 ? recorded(cell.sheet, cell.address) : undefined;
      const excelArgs = record && record.fn === calls[0].name ? record.args : undefined;
      const checked = await Promise.all(calls.map((call) => checkCall(call, cell.sheet, positions, lookUp, evaluate, since, until, excelArgs)));
      const status = PRECEDENCE.find((s) => checked.some((c) => c.status === s))!;
      const summary = checked
        .filter((c) => c.status === status && c.summary)
        .map((c) => c.summary)
        .join('; ');
      return { ...cell, status, summary };
    }),
  );
  return reports.filter((r): r is CellReport => r !== undefined);
}

/** functions.json's functions → where each takes asOf. */
export function asOfPositions(metadata: { functions: { id: string; parameters: { name: string }[] }[] }): AsOfPositions {
  return new Map(
    metadata.functions.map((f) => {
      const i = f.parameters.findIndex((p) => p.name === 'asOf');
      return [f.id, i < 0 ? undefined : i] as const;
    }),
  );
}
