// Task pane section "Changed since": lists the workbook's TIDE cells whose values would differ
// between a chosen date and today, so a note written on that date can be checked against what is
// known now. Reads the workbook through Office.js; the checking itself is in changed-cells.ts.
import { sharedRuntime } from '../client/shared-runtime.js';
import { cellName, offsetCell, parseRange, splitAddress } from '../shared/a1.js';
import { basicValue } from '../shared/cell-values.js';
import { todayIso } from '../shared/dates.js';
import { excelApi, type ExcelApi } from '../shared/excel-api.js';
import type { Outcome } from './cell-diff.js';
import { asOfPositions, checkCells, referencedCells, type CellReport, type Evaluate, type Recorded, type WorkbookCell } from './changed-cells.js';

type Status = (text: string, isError?: boolean) => void;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** Every cell of every sheet whose formula calls a TIDE function. */
function readTideCells(excel: ExcelApi): Promise<WorkbookCell[]> {
  return excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name');
    await context.sync();
    const used = sheets.items.map((sheet) => {
      const range = sheet.getUsedRangeOrNullObject();
      range.load('formulas,address');
      return { sheet, range };
    });
    await context.sync();
    const cells: WorkbookCell[] = [];
    for (const { sheet, range } of used) {
      if (range.isNullObject) continue;
      const topLeft = cellName(parseRange(splitAddress(range.address).cells)!.first);
      range.formulas.forEach((row, i) =>
        row.forEach((f, j) => {
          if (typeof f === 'string' && /TIDE\./i.test(f)) cells.push({ sheet: sheet.name, address: offsetCell(topLeft, i, j), formula: f });
        }),
      );
    }
    return cells;
  });
}

/** The current values of the cells the formulas refer to (dates, ids typed in cells). */
function readValues(excel: ExcelApi, refs: { sheet: string; cell: string }[]): Promise<Map<string, unknown>> {
  return excel.run(async (context) => {
    const ranges = refs.map((r) => {
      const range = context.workbook.worksheets.getItem(r.sheet).getRange(r.cell);
      range.load('values');
      return { key: `${r.sheet}!${r.cell}`, range };
    });
    await context.sync();
    return new Map(ranges.map(({ key, range }) => [key, range.values[0][0]]));
  });
}

/** The add-in's own functions (loaded in this page by functions.js), called as Excel calls them. */
const evaluate: Evaluate = async (name, args) => {
  const fn = sharedRuntime()?.functions[name.toLowerCase()] as ((...a: unknown[]) => Promise<unknown>) | undefined;
  if (!fn) return { error: `TIDE.${name} is not loaded` };
  try {
    // As Range.values would show it: a formatted number compares as its number.
    return { value: basicValue(await fn(...args)) } as Outcome;
  } catch (e) {
    const { code, message } = e as { code?: string; message?: string };
    return { error: `${code ?? '#N/A'} ${message ?? String(e)}`.trim() };
  }
};

/** What Excel last passed the cell's function, from the functions runtime's call log (same page). */
const recorded: Recorded = (sheet, address) => {
  return sharedRuntime()?.cell(`${sheet}!${address}`);
};

function selectCell(excel: ExcelApi, report: CellReport): void {
  void excel.run(async (context) => {
    context.workbook.worksheets.getItem(report.sheet).getRange(report.address).select();
    await context.sync();
  });
}

function render(excel: ExcelApi, reports: CellReport[]): void {
  const shown = reports.filter((r) => r.status === 'changed' || r.status === 'unchecked');
  $('changed-list').replaceChildren(
    ...shown.map((r) => {
      const li = document.createElement('li');
      li.dataset.address = `${r.sheet}!${r.address}`;
      li.dataset.status = r.status;
      li.innerHTML = '<span class="where"></span><code class="formula"></code><span class="summary"></span>';
      li.querySelector('.where')!.textContent = `${r.sheet}!${r.address}`;
      li.querySelector('.formula')!.textContent = r.formula;
      li.querySelector('.summary')!.textContent = r.status === 'unchecked' ? `not checked: ${r.summary}` : r.summary;
      li.addEventListener('click', () => selectCell(excel, r));
      return li;
    }),
  );
}

function describe(reports: CellReport[], since: string, today: string): string {
  const count = (s: CellReport['status']) => reports.filter((r) => r.status === s).length;
  const extra = [count('pinned') ? `${count('pinned')} fixed by their own asOf` : '', count('unchecked') ? `${count('unchecked')} not checked` : ''].filter(Boolean);
  const changed = count('changed');
  return `${changed} of ${reports.length} TIDE cells would differ between ${since} and today (${today})${extra.length ? `; ${extra.join(', ')}` : ''}`;
}

async function check(status: Status): Promise<void> {
  const since = $<HTMLInputElement>('changed-since').value;
  const today = todayIso();
  if (!since) return status('Choose the date to compare with', true);
  if (since > today) return status(`${since} is after today (${today}); choose an earlier date`, true);
  const excel = excelApi();
  if (!excel) return status('Checking needs the workbook open in Excel.', true);
  status(`Checking the workbook against ${since}…`);
  try {
    const [cells, metadata] = await Promise.all([readTideCells(excel), fetch('functions.json').then((r) => r.json())]);
    const values = await readValues(excel, referencedCells(cells));
    const reports = await checkCells(cells, asOfPositions(metadata), (sheet, cell) => values.get(`${sheet}!${cell}`), evaluate, since, today, recorded);
    render(excel, reports);
    $('changed-list').dataset.checked = since;
    status(describe(reports, since, today));
  } catch (e) {
    status(`Could not check the workbook: ${(e as Error).message}`, true);
  }
}

export function setupChangedSince(status: Status): void {
  const inExcel = excelApi() !== undefined;
  $<HTMLButtonElement>('changed-check').disabled = !inExcel;
  $('changed-form').addEventListener('submit', (e) => {
    e.preventDefault();
    void check(status);
  });
}
