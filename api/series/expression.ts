// The expression grammar that stands wherever a series id goes ("RUT / NASDAQCOM", "DGS10 - DGS2",
// "rebase(basket(AAPL, MSFT), '2023-01-03')"): parsing to a tree, the tree's normal form (one text per
// meaning, so "RUT/QQQ" and "RUT / QQQ" share a cache entry) and the ids it reads. Pure: no I/O, so a
// bad expression is refused before anything is read. Grammar and quoting rule: docs/series.md.
//
//   expr    := term (("+" | "-") term)*
//   term    := unary (("*" | "/") unary)*
//   unary   := "-" unary | primary
//   primary := number | id | quoted-id | "(" expr ")"
//            | "rebase(" expr "," quoted-date ")" | "log(" expr ")" | "lag(" expr "," integer ")"
//            | "basket(" expr ("," expr)* ["," "weights:" "[" number ("," number)* "]"] ")"
//   id      := [A-Za-z_][A-Za-z0-9_.]*   (any other id is quoted: 'RTY=F', "FEDWATCH:2024-09-18:P_CUT")

export type Expr =
  | { kind: 'series'; id: string }
  | { kind: 'number'; value: number }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'log'; operand: Expr }
  | { kind: 'lag'; operand: Expr; n: number }
  | { kind: 'rebase'; operand: Expr; date: string }
  | { kind: 'basket'; members: Expr[]; weights?: number[] };

export type BinaryOp = '+' | '-' | '*' | '/';

/** Bounds on one expression: its text, the series it reads and its nesting, so its cost is bounded too. */
export const MAX_EXPRESSION_LENGTH = 500;
export const MAX_EXPRESSION_OPERANDS = 20;
export const MAX_EXPRESSION_DEPTH = 20;
/** lag(x, n): at most this many observations back (40 years of trading days). */
export const MAX_LAG = 10_000;

export const FUNCTIONS = ['rebase', 'log', 'lag', 'basket'] as const;

/** A parse failure: the 1-based character position and what the grammar expected there. */
export class ExpressionSyntaxError extends Error {
  constructor(
    readonly position: number,
    readonly expected: string,
    readonly found: string,
    text: string,
  ) {
    super(`Cannot read the expression "${text}" at position ${position}: expected ${expected}, found ${found}`);
    this.name = 'ExpressionSyntaxError';
  }
}

/** An expression that parses but breaks a rule (too many operands, a lag that is not a whole number, …). */
export class ExpressionRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionRuleError';
  }
}

const BARE_ID = /^[A-Za-z_][A-Za-z0-9_.]*$/;
/** Characters an id may hold and still be looked up whole (a plain id such as RTY=F or FEDWATCH:2024-09-18:P_CUT). */
const WHOLE_ID = /^[A-Za-z0-9_.=:^@\-]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

type Token =
  | { type: 'number'; value: number; text: string; at: number }
  | { type: 'name'; text: string; at: number }
  | { type: 'quoted'; text: string; at: number }
  | { type: 'punct'; text: string; at: number }
  | { type: 'end'; text: string; at: number };

function describe(t: Token): string {
  if (t.type === 'end') return 'the end of the expression';
  if (t.type === 'quoted') return `"${t.text}"`;
  return `"${t.text}"`;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const at = i + 1;
    if ('+-*/(),[]:'.includes(c)) {
      out.push({ type: 'punct', text: c, at });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close < 0) throw new ExpressionSyntaxError(at, `a closing ${c} for the id or date opened here`, 'the end of the expression', text);
      const inner = text.slice(i + 1, close);
      if (!inner.trim()) throw new ExpressionSyntaxError(at, 'a series id or date between the quotes', 'empty quotes', text);
      out.push({ type: 'quoted', text: inner, at });
      i = close + 1;
      continue;
    }
    const number = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      const after = text[i + number[0].length];
      if (after !== undefined && /[A-Za-z_]/.test(after)) {
        throw new ExpressionSyntaxError(at, "a number, or an id starting with a letter (quote ids such as '10Y')", `"${text.slice(i, i + number[0].length + 1)}"`, text);
      }
      const value = Number(number[0]);
      if (!Number.isFinite(value)) throw new ExpressionSyntaxError(at, 'a number a double can hold (at most about 1.8e308)', `"${number[0]}"`, text);
      out.push({ type: 'number', value, text: number[0], at });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (name) {
      out.push({ type: 'name', text: name[0], at });
      i += name[0].length;
      continue;
    }
    throw new ExpressionSyntaxError(at, "a series id, a number, an operator (+ - * /) or a parenthesis; quote an id holding other characters ('RTY=F')", `"${c}"`, text);
  }
  out.push({ type: 'end', text: '', at: text.length + 1 });
  return out;
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly text: string,
  ) {}

  parse(): Expr {
    const e = this.expr();
    const t = this.peek();
    if (t.type !== 'end') this.fail(t, 'an operator (+ - * /) or the end of the expression');
    return e;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private fail(t: Token, expected: string): never {
    throw new ExpressionSyntaxError(t.at, expected, describe(t), this.text);
  }
  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.type === 'punct' && t.text === text;
  }
  private expect(text: string, expected = `"${text}"`): void {
    const t = this.next();
    if (t.type !== 'punct' || t.text !== text) this.fail(t, expected);
  }

  private expr(): Expr {
    let left = this.term();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.term() };
    }
    return left;
  }
  private term(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = this.next().text as BinaryOp;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }
  private unary(): Expr {
    if (this.isPunct('-')) {
      const at = this.next();
      return this.nested(at, () => {
        const operand = this.unary();
        return operand.kind === 'number' ? { kind: 'number', value: -operand.value } : { kind: 'negate', operand };
      });
    }
    return this.primary();
  }
  private nested<T>(t: Token, f: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw new ExpressionSyntaxError(t.at, `at most ${MAX_EXPRESSION_DEPTH} levels of nesting`, 'a deeper one', this.text);
    }
    try {
      return f();
    } finally {
      this.depth--;
    }
  }
  private primary(): Expr {
    const t = this.next();
    if (t.type === 'number') return { kind: 'number', value: t.value };
    if (t.type === 'quoted') return { kind: 'series', id: t.text };
    if (t.type === 'punct' && t.text === '(') {
      return this.nested(t, () => {
        const inner = this.expr();
        this.expect(')', '")" or an operator (+ - * /)');
        return inner;
      });
    }
    if (t.type === 'name') {
      if (!this.isPunct('(')) return { kind: 'series', id: t.text };
      const fn = t.text.toLowerCase();
      if (!(FUNCTIONS as readonly string[]).includes(fn)) {
        this.fail(t, `a function (${FUNCTIONS.join(', ')}) before "(", or an operator between an id and "("`);
      }
      this.next(); // "("
      return this.nested(t, () => this.call(fn as (typeof FUNCTIONS)[number]));
    }
    this.fail(t, 'a series id, a number, "(" or a function (rebase, log, lag, basket)');
  }

  private call(fn: (typeof FUNCTIONS)[number]): Expr {
    if (fn === 'log') {
      const operand = this.expr();
      this.expect(')', '")": log takes one argument');
      return { kind: 'log', operand };
    }
    if (fn === 'rebase') {
      const operand = this.expr();
      this.expect(',', '"," then the base date in quotes: rebase(x, "2023-01-03")');
      const d = this.next();
      if (d.type !== 'quoted' || !DATE.test(d.text) || Number.isNaN(Date.parse(`${d.text}T00:00:00Z`))) {
        this.fail(d, 'a date in quotes, YYYY-MM-DD: rebase(x, "2023-01-03")');
      }
      this.expect(')', '")": rebase takes a series and a date');
      return { kind: 'rebase', operand, date: d.text };
    }
    if (fn === 'lag') {
      const operand = this.expr();
      this.expect(',', '"," then a number of observations: lag(x, 5)');
      const n = this.next();
      if (n.type !== 'number' || !Number.isInteger(n.value) || n.value < 1 || n.value > MAX_LAG) {
        this.fail(n, `a whole number of observations from 1 to ${MAX_LAG}: lag(x, 5)`);
      }
      this.expect(')', '")": lag takes a series and a number');
      return { kind: 'lag', operand, n: n.value };
    }
    const members: Expr[] = [];
    let weights: number[] | undefined;
    for (;;) {
      const t = this.peek();
      if (t.type === 'name' && t.text === 'weights' && this.tokens[this.i + 1]?.type === 'punct' && this.tokens[this.i + 1].text === ':') {
        if (members.length === 0) this.fail(t, 'the members first: basket(a, b, weights: [0.6, 0.4])');
        this.i += 2;
        weights = this.weightList(members.length);
        this.expect(')', '")": weights come last in basket(...)');
        break;
      }
      members.push(this.expr());
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      this.expect(')', '"," and another member, or ")"');
      break;
    }
    return weights ? { kind: 'basket', members, weights } : { kind: 'basket', members };
  }

  private weightList(count: number): number[] {
    const open = this.peek();
    this.expect('[', '"[" and one weight per member: weights: [0.6, 0.4]');
    const out: number[] = [];
    for (;;) {
      const t = this.next();
      if (t.type !== 'number' || !(t.value > 0)) this.fail(t, 'a positive number (a weight)');
      out.push(t.value);
      if (this.isPunct(',')) {
        this.next();
        continue;
      }
      this.expect(']', '"," and another weight, or "]"');
      break;
    }
    if (out.length !== count) {
      throw new ExpressionSyntaxError(open.at, `${count} weights, one per member`, `${out.length}`, this.text);
    }
    return out;
  }
}

/** Parses an expression, checking its bounds; throws ExpressionSyntaxError or ExpressionRuleError. */
export function parseExpression(text: string): Expr {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionRuleError(`An expression is at most ${MAX_EXPRESSION_LENGTH} characters; this one has ${text.length}`);
  }
  if (!text.trim()) throw new ExpressionSyntaxError(1, 'a series id or an expression such as "RUT / QQQ"', 'nothing', text);
  const expr = new Parser(tokenize(text), text).parse();
  const refs = countSeries(expr);
  if (refs === 0) throw new ExpressionRuleError(`The expression "${text}" names no series; it needs at least one id, e.g. "RUT / 1000"`);
  if (refs > MAX_EXPRESSION_OPERANDS) {
    throw new ExpressionRuleError(`An expression reads at most ${MAX_EXPRESSION_OPERANDS} series; "${text.slice(0, 40)}…" names ${refs}`);
  }
  return expr;
}

/** True when `text` may be one id as a whole (no spaces, only id characters), so it is looked up before being parsed. */
export const mayBeWholeId = (text: string): boolean => WHOLE_ID.test(text);

/** True when the tree is one series, as a plain id is. */
export const isSingleSeries = (e: Expr): e is { kind: 'series'; id: string } => e.kind === 'series';

function countSeries(e: Expr): number {
  return seriesRefs(e).length;
}

/** Every series reference in order of appearance (an id named twice is listed twice). */
export function seriesRefs(e: Expr): string[] {
  switch (e.kind) {
    case 'series':
      return [e.id];
    case 'number':
      return [];
    case 'negate':
    case 'log':
    case 'lag':
    case 'rebase':
      return seriesRefs(e.operand);
    case 'binary':
      return [...seriesRefs(e.left), ...seriesRefs(e.right)];
    case 'basket':
      return e.members.flatMap(seriesRefs);
  }
}

/** The distinct ids an expression reads, in order of first appearance. */
export const operandIds = (e: Expr): string[] => [...new Set(seriesRefs(e))];

/** How many series an expression (or plain id) reads, for pricing; 1 when it does not parse (it is refused later). */
export function operandCount(text: string): number {
  try {
    return Math.max(1, operandIds(parseExpression(text)).length);
  } catch {
    return 1;
  }
}

const PRECEDENCE: Record<BinaryOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

const formatId = (id: string): string => (BARE_ID.test(id) && !(FUNCTIONS as readonly string[]).includes(id.toLowerCase()) ? id : id.includes('"') ? `'${id}'` : `"${id}"`);

/**
 * The one text of an expression's meaning: single spaces around operators, parentheses only where
 * precedence needs them, function names in lower case, ids bare when the grammar allows. The cache
 * key and the id an expression's answers carry.
 */
export function normalForm(e: Expr): string {
  return format(e, 0);
}

function format(e: Expr, outer: number): string {
  switch (e.kind) {
    case 'series':
      return formatId(e.id);
    case 'number':
      return e.value < 0 && outer > 0 ? `(${e.value})` : String(e.value);
    case 'negate':
      return `-${format(e.operand, 3)}`;
    case 'log':
      return `log(${format(e.operand, 0)})`;
    case 'lag':
      return `lag(${format(e.operand, 0)}, ${e.n})`;
    case 'rebase':
      return `rebase(${format(e.operand, 0)}, "${e.date}")`;
    case 'basket': {
      const members = e.members.map((m) => format(m, 0)).join(', ');
      return e.weights ? `basket(${members}, weights: [${e.weights.join(', ')}])` : `basket(${members})`;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      // Left-associative: a right side of equal precedence keeps its parentheses, so the normal form
      // parses back to the same tree (a + (b + c) is not regrouped: floating point is not associative).
      const text = `${format(e.left, p)} ${e.op} ${format(e.right, p + 0.5)}`;
      return p < outer ? `(${text})` : text;
    }
  }
}
