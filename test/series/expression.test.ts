import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExpressionRuleError, ExpressionSyntaxError, normalForm, operandCount, operandIds, parseExpression } from '../../api/series/expression.js';
import { lookupSeries } from '../../api/services/expressions.js';
import { DomainError } from '../../api/errors/domain-error.js';
import type { SeriesMeta } from '../../api/series/types.js';

const syntax = (text: string): ExpressionSyntaxError => {
  try {
    parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) return e;
    throw e;
  }
  throw new Error(`"${text}" parsed`);
};

describe('the expression grammar', () => {
  it('precedence, associativity and the normal form', () => {
    expect(normalForm(parseExpression('RUT/QQQ'))).toBe('RUT / QQQ');
    expect(normalForm(parseExpression('(RUT - QQQ) / QQQ * 100'))).toBe('(RUT - QQQ) / QQQ * 100');
    expect(normalForm(parseExpression('RUT - (QQQ - IWM)'))).toBe('RUT - (QQQ - IWM)');
    expect(normalForm(parseExpression('RUT - QQQ - IWM'))).toBe('RUT - QQQ - IWM');
    expect(normalForm(parseExpression('((RUT))'))).toBe('RUT');
    expect(normalForm(parseExpression('-RUT * -2'))).toBe('-RUT * (-2)');
    expect(normalForm(parseExpression("REBASE(basket(aapl,MSFT , weights:[2,1]),'2023-01-03')"))).toBe('rebase(basket(aapl, MSFT, weights: [2, 1]), "2023-01-03")');
    expect(normalForm(parseExpression('\'RTY=F\' / "NQ=F" + lag(log(RUT), 5)'))).toBe('"RTY=F" / "NQ=F" + lag(log(RUT), 5)');
  });

  it('the normal form parses back to itself (property)', () => {
    const id = fc.constantFrom('RUT', 'QQQ', "'RTY=F'", 'DGS2');
    const leaf = fc.oneof(id, fc.integer({ min: 0, max: 999 }).map(String));
    const expr: fc.Arbitrary<string> = fc.letrec((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/'), tie('e')).map(([a, op, b]) => `(${a})${op}(${b})`),
        tie('e').map((a) => `log(${a})`),
      ),
    })).e as fc.Arbitrary<string>;
    fc.assert(
      fc.property(expr, (text) => {
        let tree;
        try {
          tree = parseExpression(text);
        } catch (e) {
          if (e instanceof ExpressionRuleError) return; // no series, or too many
          throw e;
        }
        const once = normalForm(tree);
        expect(parseExpression(once)).toEqual(tree);
        expect(normalForm(parseExpression(once))).toBe(once);
      }),
    );
  });

  it('parse errors name the 1-based position and what was expected', () => {
    expect(syntax('RUT / (QQQ')).toMatchObject({ position: 11, expected: '")" or an operator (+ - * /)' });
    expect(syntax('RUT // QQQ')).toMatchObject({ position: 6 });
    expect(syntax('RUT QQQ')).toMatchObject({ position: 5, expected: 'an operator (+ - * /) or the end of the expression' });
    expect(syntax('RTY=F / RUT').position).toBe(4);
    expect(syntax('rebase(RUT, 2023-01-03)').expected).toContain('a date in quotes');
    expect(syntax('lag(RUT, 1.5)').expected).toContain('whole number');
    expect(syntax('lag(RUT, 0)').expected).toContain('whole number');
    expect(syntax('sqrt(RUT)').expected).toContain('a function (rebase, log, lag, basket)');
    expect(syntax('basket(RUT, QQQ, weights: [1])')).toMatchObject({ expected: '2 weights, one per member' });
    expect(syntax('basket(RUT, weights: [-1])').expected).toContain('positive');
    expect(syntax("'RUT")).toMatchObject({ position: 1 });
    expect(syntax('10Y / RUT').found).toBe('"10Y"');
    expect(syntax('RUT * 1e999').expected).toContain('a number a double can hold');
  });

  it('bounds: length, operands, nesting; and a formula of numbers only is refused', () => {
    expect(() => parseExpression(`RUT${' + 1'.repeat(200)}`)).toThrow(/at most 500 characters/);
    expect(() => parseExpression(Array.from({ length: 21 }, (_, i) => `S${i}`).join(' + '))).toThrow(/at most 20 series/);
    expect(syntax(`${'('.repeat(21)}RUT${')'.repeat(21)}`).expected).toContain('levels of nesting');
    expect(() => parseExpression('1 + 2')).toThrow(/names no series/);
  });

  it('operands: distinct, in order; pricing counts them', () => {
    expect(operandIds(parseExpression('RUT / QQQ - RUT / IWM'))).toEqual(['RUT', 'QQQ', 'IWM']);
    expect(operandCount('basket(AAPL, MSFT, NVDA)')).toBe(3);
    expect(operandCount('RUT')).toBe(1);
    expect(operandCount('RUT / (')).toBe(1); // refused later, with its position
  });
});

describe('lookupSeries: what is read before an expression is refused', () => {
  const meta = (id: string, unit = 'Index'): SeriesMeta => ({ id, name: id, unit, frequency: 'DAILY', source: { name: 'test', sourceId: id } });
  const held = new Map(['RUT', 'QQQ', 'RTY=F', 'FEDWATCH:2024-09-18:P_CUT'].map((id) => [id, meta(id)]));
  const reads = () => {
    const asked: string[] = [];
    return { asked, getMeta: async (id: string) => (asked.push(id), held.get(id) ?? null) };
  };

  it('text that does not parse and is not id-shaped reads nothing', async () => {
    for (const text of ['RUT / (QQQ', 'RUT // QQQ', 'basket(RUT, weights: [1, 2])', 'RUT QQQ']) {
      const r = reads();
      await expect(lookupSeries(r, text, 'id')).rejects.toMatchObject({ code: 'BAD_USER_INPUT', argument: 'id' });
      expect(r.asked).toEqual([]);
    }
  });

  it('a plain id with grammar characters works whole, as before; quoted inside an expression', async () => {
    for (const id of ['RTY=F', 'FEDWATCH:2024-09-18:P_CUT']) expect((await lookupSeries(reads(), id))?.id).toBe(id);
    expect((await lookupSeries(reads(), "'RTY=F' / RUT"))?.id).toBe('"RTY=F" / RUT');
    expect(await lookupSeries(reads(), 'NOPE')).toBeNull();
    await expect(lookupSeries(reads(), 'RUT / NOPE')).rejects.toMatchObject({ code: 'NOT_FOUND', details: { missing: ['NOPE'] } });
  });
});

describe('any text at all: a series, null, or a coded error (never an uncaught one)', () => {
  const held = new Map(['RUT', 'QQQ', 'RTY=F'].map((id) => [id, { id, name: id, unit: 'Index', frequency: 'DAILY' as const, source: { name: 'test', sourceId: id } }]));
  const reads = { getMeta: async (id: string) => held.get(id) ?? null };
  const pieces = fc.constantFrom(
    'RUT',
    'QQQ',
    'NOPE',
    "'RTY=F'",
    '"',
    "'",
    '(',
    ')',
    '+',
    '-',
    '*',
    '/',
    ',',
    '[',
    ']',
    ':',
    'weights',
    'basket(',
    'rebase(',
    'lag(',
    'log(',
    '"2023-01-03"',
    '1',
    '0',
    '1e999',
    '.5',
    ' ',
    '\u0000',
    'é',
    '=',
  );
  it('holds for random token soup and random strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
          fc.string({ maxLength: 80 }),
        ),
        async (text) => {
          try {
            const meta = await lookupSeries(reads, text, 'id');
            if (meta) expect(typeof meta.id).toBe('string');
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
            expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain((e as DomainError).code);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
