// The unit of an expression's values, and the one rule on mixing units: a sum or difference needs
// both sides in one unit (DGS10 − DGS2 is percentage points; a price minus a rate means nothing), a
// plain number takes the unit of the other side, and a product or ratio of anything is allowed
// (RUT / QQQ is a relative price; one unit over itself is a "ratio"). docs/series.md lists the rule.
import type { Expr } from '../series/expression.js';

export class UnitMismatchError extends Error {
  constructor(
    message: string,
    readonly units: [string, string],
  ) {
    super(message);
    this.name = 'UnitMismatchError';
  }
}

/** Units an index built by the grammar carries: rebase() and basket() are 100 on a date. */
export const INDEX_UNIT = 'index (100 = base date)';
const NUMBER = ''; // a constant: dimensionless, it takes the unit of what it meets

/** `unitOf(id)`: the unit of an operand as read (after any transform, e.g. "fraction" for PCT_CHANGE). */
export function expressionUnit(expr: Expr, unitOf: (id: string) => string): string {
  const unit = (e: Expr): { unit: string; text: string } => {
    switch (e.kind) {
      case 'series':
        return { unit: unitOf(e.id), text: e.id };
      case 'number':
        return { unit: NUMBER, text: String(e.value) };
      case 'negate':
        return unit(e.operand);
      case 'lag': {
        const inner = unit(e.operand);
        return { unit: inner.unit, text: `lag(${inner.text})` };
      }
      case 'log':
        unit(e.operand);
        return { unit: 'log', text: 'log(…)' };
      case 'rebase':
        unit(e.operand);
        return { unit: INDEX_UNIT, text: 'rebase(…)' };
      case 'basket':
        e.members.forEach(unit);
        return { unit: INDEX_UNIT, text: 'basket(…)' };
      case 'binary': {
        const l = unit(e.left);
        const r = unit(e.right);
        const text = `${l.text} ${e.op} ${r.text}`;
        if (e.op === '+' || e.op === '-') {
          if (l.unit === NUMBER) return { unit: r.unit, text };
          if (r.unit === NUMBER || l.unit === r.unit) return { unit: l.unit, text };
          throw new UnitMismatchError(
            `${l.text} ${e.op} ${r.text} mixes units that cannot be added or subtracted: "${l.unit}" and "${r.unit}". Divide instead (a ratio of any two series is allowed), put both in one unit (transform: PCT_CHANGE makes every operand a fraction; rebase() makes each an index), or subtract series of one unit`,
            [l.unit, r.unit],
          );
        }
        if (l.unit === NUMBER) return { unit: e.op === '*' ? r.unit : r.unit === NUMBER ? NUMBER : `1 / ${r.unit}`, text };
        if (r.unit === NUMBER) return { unit: l.unit, text };
        if (e.op === '/' && l.unit === r.unit) return { unit: 'ratio', text };
        return { unit: `${l.unit} ${e.op === '*' ? '×' : '/'} ${r.unit}`, text };
      }
    }
  };
  return unit(expr).unit || 'number';
}
