// Evaluating an expression tree (series/expression.ts) over its operands' columns: pure math, no I/O.
// Each operand first drops its gaps (missing values), then two sides are joined on the dates both
// have, the rule indicators use (align.ts). A value that cannot be computed on a date (a division by
// zero, the log of a non-positive number) is null on that date and is listed in the notes.
import type { Expr } from '../series/expression.js';
import type { Columns } from './columns.js';
import { isPresent } from './columns.js';

/** A line: ascending dates, each with a value or a null that the formula produced there. */
interface Line {
  dates: string[];
  values: (number | null)[];
}
type Value = { scalar: number } | { line: Line };

export interface EvaluationNotes {
  /** Dates whose value is null because a divisor was zero. */
  divisionByZero: string[];
  /** Dates whose value is null because log() met zero or a negative number. */
  logOfNonPositive: string[];
  /** Dates whose value is null because it overflowed a double (RUT * 1e308). */
  overflow: string[];
}

export interface Evaluated extends Columns {
  notes: EvaluationNotes;
}

export class ExpressionEvaluationError extends Error {
  constructor(
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ExpressionEvaluationError';
  }
}

const dropGaps = (c: Columns): Line => {
  const dates: string[] = [];
  const values: number[] = [];
  c.values.forEach((v, i) => {
    if (isPresent(v)) {
      dates.push(c.dates[i]);
      values.push(v);
    }
  });
  return { dates, values };
};

/** Both lines on the dates they share (each line's dates ascend, so one merge pass). */
function join(a: Line, b: Line): { dates: string[]; a: (number | null)[]; b: (number | null)[] } {
  const dates: string[] = [];
  const av: (number | null)[] = [];
  const bv: (number | null)[] = [];
  let j = 0;
  for (let i = 0; i < a.dates.length; i++) {
    const d = a.dates[i];
    while (j < b.dates.length && b.dates[j] < d) j++;
    if (j < b.dates.length && b.dates[j] === d) {
      dates.push(d);
      av.push(a.values[i]);
      bv.push(b.values[j]);
    }
  }
  return { dates, a: av, b: bv };
}

/**
 * The expression's value on every date all its operands share (after each dropped its gaps).
 * `operands` holds each id's columns, already read at one frequency, transformed and as known on asOf.
 */
export function evaluateExpression(expr: Expr, operands: ReadonlyMap<string, Columns>): Evaluated {
  const notes: EvaluationNotes = { divisionByZero: [], logOfNonPositive: [], overflow: [] };
  const lines = new Map<string, Line>();
  const lineOf = (id: string): Line => {
    let line = lines.get(id);
    if (!line) {
      const columns = operands.get(id);
      if (!columns) throw new Error(`evaluateExpression: no columns for operand ${id}`);
      lines.set(id, (line = dropGaps(columns)));
    }
    return line;
  };

  const finite = (v: number, date: string): number | null => {
    if (Number.isFinite(v)) return v;
    notes.overflow.push(date);
    return null;
  };
  const arithmetic = (op: string, x: number, y: number, date: string): number | null => {
    switch (op) {
      case '+':
        return finite(x + y, date);
      case '-':
        return finite(x - y, date);
      case '*':
        return finite(x * y, date);
      default:
        if (y === 0) {
          notes.divisionByZero.push(date);
          return null;
        }
        return finite(x / y, date);
    }
  };
  const apply = (op: string, x: number | null, y: number | null, date: string): number | null => (x === null || y === null ? null : arithmetic(op, x, y, date));

  const evaluate = (e: Expr): Value => {
    switch (e.kind) {
      case 'number':
        return { scalar: e.value };
      case 'series':
        return { line: lineOf(e.id) };
      case 'negate': {
        const v = evaluate(e.operand);
        return 'scalar' in v ? { scalar: -v.scalar } : { line: mapLine(v.line, (x) => -x) };
      }
      case 'binary': {
        const l = evaluate(e.left);
        const r = evaluate(e.right);
        if ('scalar' in l && 'scalar' in r) {
          const v = arithmetic(e.op, l.scalar, r.scalar, '');
          if (v === null) throw new ExpressionEvaluationError(`the numbers in ${e.op === '/' ? 'a division by zero' : 'an overflow'} give no value`);
          return { scalar: v };
        }
        if ('scalar' in l && 'line' in r) return { line: { dates: r.line.dates, values: r.line.values.map((y, i) => apply(e.op, l.scalar, y, r.line.dates[i])) } };
        if ('line' in l && 'scalar' in r) return { line: { dates: l.line.dates, values: l.line.values.map((x, i) => apply(e.op, x, r.scalar, l.line.dates[i])) } };
        const j = join((l as { line: Line }).line, (r as { line: Line }).line);
        return { line: { dates: j.dates, values: j.dates.map((d, i) => apply(e.op, j.a[i], j.b[i], d)) } };
      }
      case 'log': {
        const inner = evaluate(e.operand);
        if ('scalar' in inner) {
          if (inner.scalar > 0) return { scalar: Math.log(inner.scalar) };
          throw new ExpressionEvaluationError(`log(${inner.scalar}) has no value: log takes a positive number`);
        }
        const line = inner.line;
        return {
          line: {
            dates: line.dates,
            values: line.values.map((x, i) => {
              if (x === null) return null;
              if (x > 0) return Math.log(x);
              notes.logOfNonPositive.push(line.dates[i]);
              return null;
            }),
          },
        };
      }
      case 'lag': {
        const line = asLine(evaluate(e.operand), 'lag');
        // n observations earlier on the operand's own dates: the first n dates have no value to lag.
        return { line: { dates: line.dates.slice(e.n), values: line.values.slice(0, Math.max(0, line.values.length - e.n)) } };
      }
      case 'rebase': {
        const line = asLine(evaluate(e.operand), 'rebase');
        const base = baseValue(line, e.date);
        if (base === 0) {
          notes.divisionByZero.push(...line.dates);
          return { line: { dates: line.dates, values: line.values.map(() => null) } };
        }
        return { line: { dates: line.dates, values: line.values.map((x, i) => (x === null ? null : finite(100 * (x / base), line.dates[i]))) } };
      }
      case 'basket':
        return {
          line: basket(
            e.members.map((m) => asLine(evaluate(m), 'basket')),
            e.weights,
            notes,
          ),
        };
    }
  };

  const result = evaluate(expr);
  const line = asLine(result, 'the expression');
  return { dates: line.dates, values: line.values, notes };
}

const mapLine = (line: Line, f: (x: number) => number): Line => ({ dates: line.dates, values: line.values.map((x) => (x === null ? null : f(x))) });

function asLine(v: Value, where: string): Line {
  if ('line' in v) return v.line;
  throw new ExpressionEvaluationError(`${where} needs a series, not only numbers`);
}

/** The value on `date`, or the last one before it (a base date on a holiday uses the session before). */
function baseValue(line: Line, date: string): number {
  let found: number | null = null;
  for (let i = 0; i < line.dates.length && line.dates[i] <= date; i++) if (line.values[i] !== null) found = line.values[i];
  if (found === null) {
    throw new ExpressionEvaluationError(
      `rebase(…, "${date}"): the series has no value on or before ${date}${line.dates.length ? `; its first date is ${line.dates[0]}` : ''}. Choose a later base date`,
      {
        baseDate: date,
        firstDate: line.dates[0] ?? null,
      },
    );
  }
  return found;
}

/**
 * An index of the members' returns, 100 on the first date all members share: each day it moves by
 * the weighted mean of the members' returns since the previous shared date (weights rescaled to sum
 * to one; equal when not given), i.e. rebalanced to its weights every period.
 */
function basket(members: Line[], weights: number[] | undefined, notes: EvaluationNotes): Line {
  const total = weights ? weights.reduce((a, b) => a + b, 0) : members.length;
  const w = members.map((_, k) => (weights ? weights[k] : 1) / total);
  // Shared dates where every member has a value (a computed null counts as a gap here).
  const maps = members.map((m) => new Map(m.dates.map((d, i) => [d, m.values[i]] as const)));
  const dates = members[0].dates.filter((d) => maps.every((m) => isPresent(m.get(d) ?? null)));
  const values: (number | null)[] = [];
  let level = 100;
  dates.forEach((d, i) => {
    if (i > 0) {
      const prev = dates[i - 1];
      if (maps.some((m) => m.get(prev) === 0)) {
        // A return from zero is undefined: that date is null and the index carries on from the next one.
        notes.divisionByZero.push(d);
        values.push(null);
        return;
      }
      let move = 0;
      for (let k = 0; k < members.length; k++) move += w[k] * (maps[k].get(d)! / maps[k].get(prev)! - 1);
      level *= 1 + move;
    }
    values.push(level);
  });
  return { dates, values };
}
