import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression, ExpressionEvaluationError } from '../../api/indicators/expression-eval.js';
import { expressionUnit, UnitMismatchError } from '../../api/indicators/expression-units.js';
import { parseExpression } from '../../api/series/expression.js';

// Small cases with the arithmetic written out by hand; the pandas comparison on real data is in
// test/graphql/expressions.test.ts.
const cols = {
  A: { dates: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], values: [10, null, 12, 0] },
  B: { dates: ['2024-01-01', '2024-01-02', '2024-01-04', '2024-01-05'], values: [2, 4, 3, 1] },
};
const run = (text: string) => evaluateExpression(parseExpression(text), new Map(Object.entries(cols)));

describe('evaluating a formula', () => {
  it('each operand drops its gaps, then the sides meet on the dates both have', () => {
    expect(run('A / B')).toMatchObject({ dates: ['2024-01-01', '2024-01-04'], values: [5, 0] });
    expect(run('B / A')).toMatchObject({ dates: ['2024-01-01', '2024-01-04'], values: [0.2, null], notes: { divisionByZero: ['2024-01-04'] } });
    expect(run('A - 1')).toMatchObject({ dates: ['2024-01-01', '2024-01-03', '2024-01-04'], values: [9, 11, -1] });
  });

  it("lag on the operand's own observations; rebase uses the value on or before its date", () => {
    expect(run('lag(A, 1)')).toMatchObject({ dates: ['2024-01-03', '2024-01-04'], values: [10, 12] });
    expect(run('rebase(B, "2024-01-03")')).toMatchObject({ values: [50, 100, 75, 25] }); // base d2 = 4, the last on or before "2024-01-03"
  });

  it("basket: 100 on the first shared date, then the mean of the members' returns", () => {
    const members = new Map([
      ['X', { dates: ['2024-01-01', '2024-01-02', '2024-01-03'], values: [100, 110, 99] }],
      ['Y', { dates: ['2024-01-01', '2024-01-02', '2024-01-03'], values: [50, 50, 55] }],
    ]);
    const equal = evaluateExpression(parseExpression('basket(X, Y)'), members);
    expect(equal.dates).toEqual(['2024-01-01', '2024-01-02', '2024-01-03']);
    expect(equal.values[1]).toBeCloseTo(100 * (1 + (0.1 + 0) / 2), 12); // 105
    expect(equal.values[2]).toBeCloseTo(105 * (1 + (-0.1 + 0.1) / 2), 12); // 105
    const weighted = evaluateExpression(parseExpression('basket(X, Y, weights: [3, 1])'), members);
    expect(weighted.values[1]).toBeCloseTo(100 * (1 + 0.75 * 0.1), 12);
  });

  it('an overflow is null and noted; numbers alone are refused where a series is needed', () => {
    expect(run('A * 1e300 * 1e300')).toMatchObject({ values: [null, null, 0], notes: { overflow: ['2024-01-01', '2024-01-03'] } });
    expect(() => evaluateExpression(parseExpression('rebase(1, "2024-01-01") + A'), new Map(Object.entries(cols)))).toThrow(ExpressionEvaluationError);
    expect(run('log(100) * A').values[0]).toBeCloseTo(Math.log(100) * 10, 12);
  });

  it('random formulas over A and B: values or nulls, never NaN or Infinity, or a coded refusal', () => {
    const leaf = fc.constantFrom('A', 'B', '0', '2', '1e200');
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a} ${op} ${b})`),
        tie('e').map((a) => `log(${a})`),
        tie('e').map((a) => `lag(${a}, 1)`),
        tie('e').map((a) => `rebase(${a}, "2024-01-02")`),
        fc.tuple(tie('e'), tie('e')).map(([a, b]) => `basket(${a}, ${b})`),
      ),
    })).e as fc.Arbitrary<string>;
    fc.assert(
      fc.property(expr, (text) => {
        let tree;
        try {
          tree = parseExpression(text);
        } catch {
          return; // a formula of numbers only, or too many operands
        }
        try {
          const out = evaluateExpression(tree, new Map(Object.entries(cols)));
          for (const v of out.values) expect(v === null || Number.isFinite(v)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ExpressionEvaluationError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('units', () => {
  const unitOf = (id: string) => ({ RUT: 'Index', QQQ: 'USD', DGS2: 'Percent', DFF: 'Percent' })[id]!;
  const unit = (text: string) => expressionUnit(parseExpression(text), unitOf);
  it('one unit for + and -, any for * and /', () => {
    expect(unit('DGS2 - DFF')).toBe('Percent');
    expect(unit('RUT - 2000')).toBe('Index');
    expect(unit('RUT / RUT')).toBe('ratio');
    expect(unit('RUT / QQQ')).toBe('Index / USD');
    expect(unit('rebase(RUT, "2024-01-02") - basket(QQQ)')).toBe('index (100 = base date)');
    expect(() => unit('RUT - DGS2')).toThrow(UnitMismatchError);
    expect(() => unit('RUT - DGS2')).toThrow(/"Index" and "Percent"/);
  });
});
