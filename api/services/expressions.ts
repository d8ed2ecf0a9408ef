// An expression where a series id goes: resolving the text to a series (a plain id, exactly as
// before, or an expression over several), and reading an expression's observations: every operand is
// read through readObservations with the caller's frequency, aggregation, transform, asOf and release,
// then the pure evaluation (indicators/expression-eval.ts) combines them. Parsing and the unit rule
// come first, so a bad expression is refused before the store is read.
import { badInput, tooLarge, DomainError } from '../errors/domain-error.js';
import { evaluateExpression, ExpressionEvaluationError, type EvaluationNotes } from '../indicators/expression-eval.js';
import { expressionUnit, UnitMismatchError } from '../indicators/expression-units.js';
import { ExpressionRuleError, ExpressionSyntaxError, isSingleSeries, mayBeWholeId, normalForm, operandIds, parseExpression, type Expr } from '../series/expression.js';
import { isLowerOrEqual, periodOf } from '../series/periods.js';
import { trimDates } from '../series/range.js';
import { transform, type Transform } from '../series/transform.js';
import type { Columns, Frequency, Revision, SeriesMeta } from '../series/types.js';
import { inForce } from '../series/revisions.js';
import type { SeriesReads } from '../store/request-reads.js';
import { requireSeriesId } from './ids.js';
import { MAX_SERIES_ID_LENGTH, maxResponsePoints } from './limits.js';
import { requirePublishedBy } from './no-data.js';
import { readObservations, validateRange, type ObservationArgs, type ObservationResult } from './observations.js';

/** A series computed from others: its metadata is derived from its operands'. */
export interface ExpressionMeta extends SeriesMeta {
  expression: Expr;
  /** Each distinct series the expression reads, in order of first appearance. */
  operands: SeriesMeta[];
  /** The argument it was given in (`id`, `inputs`), blamed by errors found when it is read. */
  argument?: string;
}

export const isExpression = (meta: SeriesMeta): meta is ExpressionMeta => 'expression' in meta && (meta as ExpressionMeta).operands !== undefined;

/** The stored series an id or expression reads: itself, or its operands. */
export const leafSeries = (meta: SeriesMeta): SeriesMeta[] => (isExpression(meta) ? meta.operands : [meta]);

/** Transforms whose result is a fraction whatever the series' unit, so such operands mix in + and −. */
const RELATIVE: ReadonlySet<Transform> = new Set(['PCT_CHANGE', 'LOG_RETURN', 'YOY', 'ANNUALIZED']);

/** Parses `text`, turning grammar errors into BAD_USER_INPUT that names the position and what was expected. */
export function parseOrRefuse(text: string, argument?: string): Expr {
  try {
    return parseExpression(text);
  } catch (e) {
    if (e instanceof ExpressionSyntaxError) {
      throw new DomainError('BAD_USER_INPUT', `${e.message}. Grammar: docs/series.md#expressions`, argument, { position: e.position, expected: e.expected });
    }
    if (e instanceof ExpressionRuleError) throw badInput(e.message, argument);
    throw e;
  }
}

/**
 * Refuses text that cannot be an id and does not parse, reading nothing: called on every input of
 * a field before any is looked up, so one bad formula among several inputs costs no read either.
 */
export function refuseUnparsable(text: string, argument?: string): void {
  requireSeriesId(text, argument);
  if (!(mayBeWholeId(text) && text.length <= MAX_SERIES_ID_LENGTH)) parseOrRefuse(text, argument);
}

/**
 * The series `text` names: a stored series when the text is one id (looked up whole first, so an id
 * such as RTY=F or FEDWATCH:2024-09-18:P_CUT works unquoted), else an expression over stored series.
 * Null for a single id the store does not hold (as `series(id:)` always answered); an expression
 * naming an unknown id is NOT_FOUND naming it.
 */
export async function lookupSeries(reads: Pick<SeriesReads, 'getMeta'>, text: string, argument?: string): Promise<SeriesMeta | null> {
  const whole = mayBeWholeId(text) && text.length <= MAX_SERIES_ID_LENGTH;
  // Only id-shaped text is read before parsing; anything else must parse first (a bad expression reads nothing).
  if (whole) {
    const meta = await reads.getMeta(text);
    if (meta) return meta;
  }
  const expr = parseOrRefuse(text, argument);
  if (isSingleSeries(expr)) {
    if (whole && expr.id === text) return null;
    if (expr.id.length > MAX_SERIES_ID_LENGTH) throw badInput(`A series id is at most ${MAX_SERIES_ID_LENGTH} characters; this one has ${expr.id.length}`, argument);
    return reads.getMeta(expr.id);
  }
  const ids = operandIds(expr);
  for (const id of ids) if (id.length > MAX_SERIES_ID_LENGTH) throw badInput(`A series id is at most ${MAX_SERIES_ID_LENGTH} characters; "${id.slice(0, 20)}…" has ${id.length}`, argument);
  const metas = await Promise.all(ids.map((id) => reads.getMeta(id)));
  const missing = ids.filter((_, k) => !metas[k]);
  if (missing.length) {
    throw new DomainError('NOT_FOUND', `No series ${missing.map((id) => `"${id}"`).join(', ')} (in the expression "${normalForm(expr)}"); searchSeries(text: "…") lists the ids`, argument, {
      missing,
    });
  }
  const meta: ExpressionMeta = { ...expressionMeta(expr, metas as SeriesMeta[]), argument };
  return meta;
}

const latestOf = (values: (string | undefined)[]): string | undefined => values.reduce<string | undefined>((m, v) => (v && (!m || v > m) ? v : m), undefined);
const earliestOf = (values: (string | undefined)[]): string | undefined => values.reduce<string | undefined>((m, v) => (v && (!m || v < m) ? v : m), undefined);

function expressionMeta(expr: Expr, operands: SeriesMeta[]): ExpressionMeta {
  const id = normalForm(expr);
  const frequency = operands.map((m) => m.frequency).reduce((a, b) => (isLowerOrEqual(a, b) ? a : b));
  let unit: string;
  try {
    unit = expressionUnit(expr, (k) => operands.find((m) => m.id === k)!.unit);
  } catch (e) {
    if (!(e instanceof UnitMismatchError)) throw e;
    // Refused when read at LEVEL; a relative transform (PCT_CHANGE, …) puts every operand in one unit.
    unit = `fraction (only with a relative transform: ${e.units[0]} and ${e.units[1]} do not mix)`;
  }
  const firsts = operands.map((m) => m.firstDate);
  const lasts = operands.map((m) => m.lastDate);
  return {
    id,
    name: id,
    unit,
    frequency,
    source: { name: 'Tide expression', sourceId: id },
    notes: `Computed from ${operands.map((m) => `${m.id} (${m.name}, ${m.source.name})`).join(', ')}; formulas: docs/series.md#expressions`,
    // The span all operands share; nothing of the expression was known before every operand was.
    firstDate: firsts.every(Boolean) ? latestOf(firsts) : undefined,
    lastDate: lasts.every(Boolean) ? earliestOf(lasts) : undefined,
    lastUpdated: latestOf(operands.map((m) => m.lastUpdated)),
    firstVintage: operands.every((m) => m.firstVintage) ? latestOf(operands.map((m) => m.firstVintage)) : undefined,
    lastVintage: latestOf(operands.map((m) => m.lastVintage)),
    expression: expr,
    operands,
  };
}

/** The unit of an operand as read with `how`: a relative change is a fraction whatever the series measures. */
const unitAfter = (meta: SeriesMeta, how: Transform): string => (RELATIVE.has(how) ? 'fraction' : meta.unit);

/** The expression's unit with this transform; a sum or difference of units that do not mix is BAD_USER_INPUT naming both. */
export function requireUnit(meta: ExpressionMeta, how: Transform, argument = meta.argument ?? 'id'): string {
  const byId = new Map(meta.operands.map((m) => [m.id, m]));
  try {
    const unit = expressionUnit(meta.expression, (k) => unitAfter(byId.get(k)!, how === 'REBASE_100' ? 'LEVEL' : how));
    return how === 'REBASE_100' ? 'index (100 = first in range)' : unit;
  } catch (e) {
    if (e instanceof UnitMismatchError) throw new DomainError('BAD_USER_INPUT', e.message, argument, { units: e.units });
    throw e;
  }
}

export interface ExpressionResult extends ObservationResult {
  meta: Record<string, unknown>;
}

const NOTE_DATES = 20;
/** The notes on dates in [first, last] (the evaluation ran over the operands' whole history). */
function describeNotes(notes: EvaluationNotes, first?: string, last?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const list = (all: string[], why: string) => {
    const dates = [...new Set(all.filter((d) => (!first || d >= first) && (!last || d <= last)))].sort();
    return { count: dates.length, dates: dates.slice(0, NOTE_DATES), why };
  };
  const zero = list(notes.divisionByZero, 'a divisor was zero on these dates (the first 20 listed); their values are null');
  const log = list(notes.logOfNonPositive, 'log() met zero or a negative value on these dates (the first 20 listed); their values are null');
  const overflow = list(notes.overflow, 'the value overflowed a double on these dates (the first 20 listed); their values are null');
  if (zero.count) out.divisionByZero = zero;
  if (log.count) out.logOfNonPositive = log;
  if (overflow.count) out.overflow = overflow;
  return out;
}

/** Reads a plain series or an expression: the one entry point for every field that reads observations. */
export async function readSeriesObservations(store: SeriesReads, meta: SeriesMeta, args: ObservationArgs): Promise<ObservationResult> {
  return isExpression(meta) ? readExpressionObservations(store, meta, args) : readObservations(store, meta, args);
}

// One evaluation per normal form and reading arguments per request (the reads object is the
// request's): a sheet's "RUT/QQQ" and "RUT / QQQ" cells, over any ranges ending on the same day, are
// one entry, each cut to its own range. Across requests the operands' reads are the ReadCache's,
// keyed by series id and range, so both spellings share those too.
interface Whole {
  reads: ObservationResult[];
  evaluated: ReturnType<typeof evaluateExpression>;
}
const evaluations = new WeakMap<SeriesReads, Map<string, Promise<Whole>>>();

function evaluateWhole(store: SeriesReads, meta: ExpressionMeta, args: ObservationArgs & { frequency: Frequency; transform: Transform }): Promise<Whole> {
  let memo = evaluations.get(store);
  if (!memo) evaluations.set(store, (memo = new Map()));
  const key = JSON.stringify([meta.id, args.to, args.frequency, args.aggregation, args.transform, args.asOf, args.release, args.includePartial].map((v) => v ?? null));
  let whole = memo.get(key);
  if (!whole) {
    memo.set(key, (whole = readAndEvaluate(store, meta, args)));
    whole.catch(() => memo!.delete(key));
  }
  return whole;
}

async function readAndEvaluate(store: SeriesReads, meta: ExpressionMeta, args: ObservationArgs & { frequency: Frequency; transform: Transform }): Promise<Whole> {
  const reads = await Promise.all(
    meta.operands.map((op) =>
      readObservations(store, op, {
        to: args.to,
        frequency: args.frequency,
        aggregation: args.aggregation,
        transform: args.transform,
        asOf: args.asOf,
        release: args.release,
        includePartial: args.includePartial,
      }),
    ),
  );
  try {
    return { reads, evaluated: evaluateExpression(meta.expression, new Map(reads.map((r) => [r.seriesId, { dates: r.dates, values: r.values }]))) };
  } catch (e) {
    if (e instanceof ExpressionEvaluationError) throw new DomainError('BAD_USER_INPUT', `${meta.id}: ${e.message}`, meta.argument ?? 'id', e.details);
    throw e;
  }
}

/**
 * An expression's observations: each operand over its history up to `to` (so a rebase date, a lag
 * or a basket's base before `from` is honoured), evaluated, then cut to [from, to]. REBASE_100
 * rebases the expression's result (rebasing each operand would make a sum meaningless).
 * The unit rule and each operand's first publication are checked before anything is read.
 */
export async function readExpressionObservations(store: SeriesReads, meta: ExpressionMeta, args: ObservationArgs): Promise<ExpressionResult> {
  validateRange(args.from, args.to);
  const frequency: Frequency = args.frequency ?? meta.frequency;
  const how = args.transform ?? 'LEVEL';
  const unit = requireUnit(meta, how);
  for (const op of meta.operands) requirePublishedBy(op, args.asOf);
  const perOperand: Transform = how === 'REBASE_100' ? 'LEVEL' : how;
  const { reads, evaluated } = await evaluateWhole(store, meta, { ...args, frequency, transform: perOperand });
  // Dates are period labels once any operand was converted; compare from/to by period then, as observations do.
  const converting = meta.operands.some((op) => op.frequency !== frequency);
  const first = args.from ? (converting ? periodOf(args.from, frequency) : args.from) : undefined;
  const last = args.to ? (converting ? periodOf(args.to, frequency) : args.to) : undefined;
  let columns: Columns = trimDates(evaluated, first, last);
  if (how === 'REBASE_100') columns = transform(columns, 'REBASE_100', frequency);
  const limit = maxResponsePoints();
  if (columns.dates.length > limit) throw tooLarge(`${meta.id} has ${columns.dates.length} points in this range, over the limit of ${limit}; narrow from/to or ask for a lower frequency`);
  const lastDate = columns.dates[columns.dates.length - 1];
  const partial = reads.some((r) => r.partial && r.dates[r.dates.length - 1] === lastDate);
  return {
    seriesId: meta.id,
    frequency,
    aggregation: args.aggregation ?? 'LAST',
    transform: how,
    asOf: args.asOf ?? null,
    release: args.release ?? 'LATEST',
    partial,
    dates: columns.dates,
    values: columns.values,
    // A period an operand's source never published is a gap of the expression too.
    missingPeriods: [...new Set(reads.flatMap((r) => r.missingPeriods))].sort(),
    meta: {
      expression: meta.id,
      unit,
      operands: meta.operands.map((op) => ({ id: op.id, name: op.name, unit: op.unit, source: op.source.name, transform: perOperand })),
      ...describeNotes(evaluated.notes, first, last),
    },
  };
}

/** The last value of an expression as known on asOf, published on the day its last operand value was. */
export async function readExpressionLatest(store: SeriesReads, meta: ExpressionMeta, asOf?: string | null): Promise<Revision | null> {
  if (asOf) for (const op of meta.operands) requirePublishedBy(op, asOf);
  const result = await readExpressionObservations(store, meta, { asOf, to: asOf ?? undefined });
  let i = result.values.length - 1;
  while (i >= 0 && result.values[i] === null) i--;
  if (i < 0) return null;
  const date = result.dates[i];
  const published = await Promise.all(
    meta.operands.map(async (op) => {
      const known = inForce(await store.readRevisions(op.id, date, date), asOf ?? undefined);
      return known[known.length - 1]?.realtimeStart;
    }),
  );
  const realtimeStart = latestOf(published);
  return realtimeStart ? { date, value: result.values[i], realtimeStart } : null;
}

/** Revisions are kept per stored series; for an expression the error names the operands to ask. */
export function refuseRevisionsOf(meta: ExpressionMeta, field: string): never {
  throw badInput(`${field} lists what a publisher revised; ${meta.id} is computed, so ask for each operand: ${meta.operands.map((m) => m.id).join(', ')}`, 'id');
}
