// Reads the TIDE.* calls out of a cell's formula the way Excel would hand their arguments to the
// function: literals become values, single-cell references are named so the caller can look them
// up, and anything else (a nested formula, a range, a name) is reported as such rather than guessed.
import { cellName, parseCell, unquoteSheet } from '../shared/a1.js';

export type FormulaArg = { kind: 'empty' } | { kind: 'literal'; value: string | number | boolean } | { kind: 'ref'; sheet?: string; cell: string } | { kind: 'expression'; text: string };

export interface TideCall {
  /** The function id, upper-cased (SERIES, VALUE, ...). */
  name: string;
  args: FormulaArg[];
  /** The call's text as written. */
  text: string;
}

const CALL = /(^|[^A-Za-z0-9_.])TIDE\.([A-Za-z]+)\s*\(/gi;

/** Index of the parenthesis closing the one opened just before `start`, skipping quoted text. */
function closingParen(formula: string, start: number): number {
  let depth = 1;
  let quoted = false;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"')
      quoted = !quoted; // a doubled quote toggles twice: still inside
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Splits on the commas at depth 0, outside quotes, braces and parentheses. */
export function splitArgs(inner: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted; // a doubled quote toggles twice: still inside
    if (!quoted && (ch === '(' || ch === '{')) depth++;
    if (!quoted && (ch === ')' || ch === '}')) depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  return inner.trim() === '' ? [] : [...out, current];
}

function reference(text: string): FormulaArg | undefined {
  const bang = text.lastIndexOf('!');
  const at = parseCell(text.slice(bang + 1));
  if (!at) return undefined;
  if (bang < 0) return { kind: 'ref', cell: cellName(at) };
  const sheet = unquoteSheet(text.slice(0, bang));
  return sheet === undefined ? undefined : { kind: 'ref', sheet, cell: cellName(at) };
}

export function parseArg(raw: string): FormulaArg {
  const t = raw.trim();
  if (t === '') return { kind: 'empty' };
  if (/^"([^"]|"")*"$/.test(t)) return { kind: 'literal', value: t.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE)$/i.test(t)) return { kind: 'literal', value: t.toUpperCase() === 'TRUE' };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { kind: 'literal', value: Number(t) };
  return reference(t) ?? { kind: 'expression', text: t };
}

/** Every TIDE.* call in a formula, outermost first, each with its parsed arguments. */
export function tideCalls(formula: string): TideCall[] {
  const calls: TideCall[] = [];
  for (const m of formula.matchAll(CALL)) {
    const open = m.index! + m[0].length; // just after "("
    const close = closingParen(formula, open);
    if (close < 0) continue;
    const start = m.index! + m[1].length;
    calls.push({ name: m[2].toUpperCase(), args: splitArgs(formula.slice(open, close)).map(parseArg), text: formula.slice(start, close + 1) });
  }
  return calls;
}
