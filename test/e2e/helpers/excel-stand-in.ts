// A workbook for the task pane to read, served in place of office.js together with the custom
// functions stand-in: Excel.run hands the batch a context whose worksheets, used ranges, cell
// values and selection come from `window.__workbook` (set by the test). Only the calls the pane
// makes exist; anything else fails loudly.
import { OFFICE_STAND_IN } from '../../../support/browser/office-stand-in.js';

export interface StandInCell {
  /** What Excel's `formulas` gives: the formula for a formula cell, else the constant. */
  formula?: string;
  /** What Excel's `values` gives (a date is a serial). */
  value?: string | number | boolean;
}

export interface StandInWorkbook {
  sheets: { name: string; cells: Record<string, StandInCell> }[];
}

export const EXCEL_STAND_IN = `${OFFICE_STAND_IN}
window.Office = { onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }), context: { host: 'Excel', requirements: window.Office.context.requirements } };
(() => {
  const col = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n) => { let s = ''; for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s; return s; };
  const parse = (a) => { const m = /^([A-Z]+)(\\d+)$/.exec(a); if (!m) throw new Error('stand-in: bad address ' + a); return [col(m[1]), Number(m[2])]; };
  const sheetOf = (name) => {
    const s = window.__workbook.sheets.find((x) => x.name === name);
    if (!s) throw new Error('ItemNotFound: no sheet ' + name);
    return s;
  };
  const cellRange = (s, address) => {
    const c = s.cells[address] || {};
    const formula = c.formula !== undefined ? c.formula : (c.value !== undefined ? c.value : '');
    return { address: s.name + '!' + address, formulas: [[formula]], values: [[c.value !== undefined ? c.value : '']], isNullObject: false,
      load() {}, select() { window.__workbook.selected = s.name + '!' + address; } };
  };
  const usedRange = (s) => {
    const keys = Object.keys(s.cells);
    if (keys.length === 0) return { isNullObject: true, load() {} };
    const at = keys.map(parse);
    const [c0, r0] = [Math.min(...at.map((x) => x[0])), Math.min(...at.map((x) => x[1]))];
    const [c1, r1] = [Math.max(...at.map((x) => x[0])), Math.max(...at.map((x) => x[1]))];
    const formulas = [], values = [];
    for (let r = r0; r <= r1; r++) {
      const fr = [], vr = [];
      for (let c = c0; c <= c1; c++) { const one = cellRange(s, letters(c) + r); fr.push(one.formulas[0][0]); vr.push(one.values[0][0]); }
      formulas.push(fr); values.push(vr);
    }
    return { address: "'" + s.name + "'!$" + letters(c0) + '$' + r0 + ':$' + letters(c1) + '$' + r1, formulas, values, isNullObject: false, load() {} };
  };
  const sheetApi = (s) => ({ name: s.name, getRange: (a) => cellRange(s, a.replace(/\\$/g, '')), getUsedRangeOrNullObject: () => usedRange(s) });
  window.Excel = {
    run: async (batch) => batch({
      workbook: {
        worksheets: { get items() { return window.__workbook.sheets.map(sheetApi); }, load() {}, getItem: (name) => sheetApi(sheetOf(name)) },
        getSelectedRange() { throw new Error('stand-in: no selection'); },
      },
      sync: async () => {},
    }),
  };
})();
`;
