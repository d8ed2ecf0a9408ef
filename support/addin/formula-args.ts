// Reads a TIDE formula the way Excel would hand it to the function: its top-level arguments, with
// literals turned into values and cell references looked up.

/** Top-level arguments of a call, splitting on commas outside quotes and parentheses. */
export function topLevelArgs(formula: string): string[] {
  const inner = formula.slice(formula.indexOf('(') + 1, formula.lastIndexOf(')'));
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (const ch of inner) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      args.push(current);
      current = '';
    } else current += ch;
  }
  return [...args, current];
}

/** The id (e.g. SERIES) and argument values of `TIDE.SERIES(...)`; an empty argument is null. */
export function evaluateCall(formula: string, cells: Record<string, unknown>): { id: string; args: unknown[] } {
  const id = /TIDE\.([A-Z]+)\(/.exec(formula)![1];
  const args = topLevelArgs(formula).map((raw) => {
    const t = raw.trim();
    if (t === '') return null;
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (t === 'TRUE' || t === 'FALSE') return t === 'TRUE';
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    if (t in cells) return cells[t];
    throw new Error(`cannot evaluate argument ${t} of ${formula}`);
  });
  return { id, args };
}
