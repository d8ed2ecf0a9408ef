// "Explain this cell": for the selected TIDE cell, the function and the GraphQL query it ran, each
// series behind it (source, source id, unit, link, the release its values come from), the steps
// from raw observations to the number shown, and the indicator's meta.
import type { CellRecord } from '../client/call-log.js';
import { ask, askValue } from '../client/operation.js';
import type { FieldCall } from '../client/query.js';
import { ExplainIndicatorMeta, ExplainSeries, type ExplainIndicatorMetaQueryVariables, type ExplainSeriesQuery } from '../generated/operations.js';
import type { CallTrace } from '../client/workbook-fetcher.js';
import type { ExcelApi } from '../shared/excel-api.js';
import { todayIso } from '../shared/dates.js';
import { TIDE_FORMULA } from './freeze.js';

export type Fetch = <T>(call: FieldCall) => Promise<T>;

type ExplainedSeries = NonNullable<ExplainSeriesQuery['series']>['operands'][number];

/** A stored series as ExplainSeries reads it, with the release in force on the cell's asOf (or today) instead of every vintage. */
export type SeriesFacts = Omit<ExplainedSeries, 'vintages'> & {
  /** The publication date of the values behind the cell. */
  vintage: string | null;
};

export interface ExplainedCall {
  field: string;
  /** The query as it can be pasted into GraphiQL: arguments written out. */
  query: string;
  asOf: string | null;
  final: boolean;
  origin: CallTrace['origin'];
  receivedAt: string | null;
  /** From the series to the number shown, one step per line. */
  steps: string[];
  meta: unknown;
}

export type Explanation =
  | { kind: 'none'; address: string; message: string }
  | { kind: 'not-calculated'; address: string; formula: string; message: string }
  | { kind: 'explained'; address: string; formula: string; fn: string; args: unknown[]; calls: ExplainedCall[]; series: SeriesFacts[] };

export interface SelectedCell {
  address: string;
  formula: unknown;
  /** False where Excel cannot tell which formula spilled into the cell (before ExcelApi 1.12). */
  spillKnown?: boolean;
}

/**
 * The selected cell, or the formula cell of the spilled array it belongs to. `spills` says whether the
 * host has the spill APIs (ExcelApi 1.12); without them the selected cell is taken as it is.
 */
export async function selectedFormulaCell(excel: ExcelApi, spills = true): Promise<SelectedCell> {
  return excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load(['address', 'formulas']);
    const parent = spills ? cell.getSpillParentOrNullObject().load(['address', 'formulas']) : undefined;
    await context.sync();
    const source = parent && !parent.isNullObject ? parent : cell;
    return { address: source.address, formula: source.formulas[0][0], spillKnown: spills };
  });
}

export async function explainCell(cell: SelectedCell, record: (address: string) => CellRecord | undefined, fetch: Fetch, today = todayIso()): Promise<Explanation> {
  const { address, formula } = cell;
  if (typeof formula !== 'string' || !TIDE_FORMULA.test(formula)) {
    const message =
      cell.spillKnown === false
        ? 'Select a cell with a TIDE formula: this Excel (before ExcelApi 1.12) cannot tell which formula spilled into a cell.'
        : 'Select a cell with a TIDE formula, or a cell of the array it spills.';
    return { kind: 'none', address, message };
  }
  const found = record(address);
  if (!found) {
    return { kind: 'not-calculated', address, formula, message: 'This cell has not been calculated since the add-in started: recalculate (Ctrl+Alt+F9), then explain it again.' };
  }
  const calls = await Promise.all(found.calls.map((t) => explainCall(t, fetch)));
  const wanted = new Map<string, string | null>();
  for (const t of found.calls) for (const id of seriesIds(t.call)) if (!wanted.has(id)) wanted.set(id, asOfOf(t.call));
  const series = (await Promise.all([...wanted].map(([id, asOf]) => seriesFacts(fetch, id, asOf, today)))).flat();
  // An operand two expressions share ("RUT / QQQ", "RUT / IWM") is listed once.
  const unique = series.filter((s, i) => series.findIndex((t) => t.id === s.id) === i);
  return { kind: 'explained', address, formula, fn: found.fn, args: found.args, calls, series: unique };
}

async function explainCall(t: CallTrace, fetch: Fetch): Promise<ExplainedCall> {
  // The same indicator call, asking for its meta only; the call's arguments are the operation's variables.
  const variables = Object.fromEntries(t.call.args.map((a) => [a.name, a.value])) as ExplainIndicatorMetaQueryVariables;
  const meta =
    t.call.field === 'indicator'
      ? await askValue(fetch, ExplainIndicatorMeta, variables).then(
          (r) => r.meta,
          () => null,
        )
      : null;
  return {
    field: t.call.field,
    query: inlineQuery(t.call),
    asOf: asOfOf(t.call),
    final: t.final,
    origin: t.origin,
    receivedAt: t.receivedAt ? new Date(t.receivedAt).toISOString() : null,
    steps: steps(t.call, meta),
    meta,
  };
}

function arg(call: FieldCall, name: string): unknown {
  return call.args.find((a) => a.name === name)?.value;
}

function asOfOf(call: FieldCall): string | null {
  const v = arg(call, 'asOf');
  return typeof v === 'string' ? v : null;
}

// The CFTC field names of each trader group, and CME's month codes: as the API names its series.
const GROUP_FIELDS: Record<string, string> = { DEALER: 'DEALER', ASSET_MANAGER: 'ASSET_MGR', LEVERAGED_FUNDS: 'LEV_MONEY', OTHER_REPORTABLES: 'OTHER_REPT', NON_REPORTABLES: 'NONREPT' };
const MONTH_CODES = 'FGHJKMNQUVXZ';

function fedFundsContracts(meeting: string): string[] {
  const [y, m] = meeting.split('-').map(Number);
  return [0, 1].map((k) => {
    const month = (m - 1 + k) % 12;
    const year = y + Math.floor((m - 1 + k) / 12);
    return `ZQ${MONTH_CODES[month]}${String(year).slice(2)}`;
  });
}

/** The series a call reads. */
export function seriesIds(call: FieldCall): string[] {
  switch (call.field) {
    case 'series':
      return [String(arg(call, 'id'))];
    case 'indicator':
      return (arg(call, 'inputs') as string[]) ?? [];
    case 'positioning': {
      const report = arg(call, 'report') === 'FUTURES_AND_OPTIONS' ? 'C' : 'F';
      const group = GROUP_FIELDS[String(arg(call, 'group'))];
      const base = `CFTC_${arg(call, 'contract')}_${report}`;
      return group ? [`${base}_${group}_LONG`, `${base}_${group}_SHORT`, `${base}_OPEN_INTEREST`] : [];
    }
    case 'cutProbabilities':
      return [...fedFundsContracts(String(arg(call, 'meeting'))), 'DFF'];
    default:
      return [];
  }
}

/** From raw observations to the number in the cell. */
export function steps(call: FieldCall, meta: unknown): string[] {
  const asOf = asOfOf(call);
  const known = asOf ? `as published by ${asOf}` : 'latest values';
  const m = (meta ?? {}) as Record<string, unknown>;
  const from = arg(call, 'from');
  const to = arg(call, 'to');
  const range = from || to ? `${from ?? 'first'} to ${to ?? 'last'}` : 'all dates';
  switch (call.field) {
    case 'series': {
      const id = String(arg(call, 'id'));
      if (/\blatest\(/.test(call.selection)) return [`${id}: ${known}`, 'the last value that is not missing'];
      const out = [`${id}: observations ${range}, ${known}`];
      const frequency = arg(call, 'frequency');
      if (frequency) out.push(`converted to ${frequency} (${arg(call, 'aggregation') ?? 'LAST'} of each period)`);
      const transform = arg(call, 'transform');
      if (transform && transform !== 'LEVEL') out.push(`transformed: ${transform}`);
      return out;
    }
    case 'indicator': {
      const inputs = (arg(call, 'inputs') as string[]).join(', ');
      const out = [`${inputs}: ${known}${m.frequency ? `, ${m.frequency}` : arg(call, 'frequency') ? `, ${arg(call, 'frequency')}` : ''}`];
      if (m.of) out.push(`of ${describeOf(m.of)}${typeof m.unit === 'string' ? `, in ${m.unit}` : ''}`);
      if (m.alignment) out.push(`aligned on ${m.alignment}`);
      const window = m.window ?? arg(call, 'window');
      out.push(`${arg(call, 'name')}${window ? ` over ${window} observations` : ''}, ${range}`);
      return out;
    }
    case 'positioning':
      return [
        `CFTC contract ${arg(call, 'contract')}, ${arg(call, 'report') ?? 'FUTURES_ONLY'}: ${known}`,
        `${arg(call, 'group')} long, short and open interest per report`,
        `measure: ${call.selection.split(/\s+/).slice(1).join(' ')}`,
      ];
    case 'cutProbabilities':
      return [
        `fed funds futures settlements on ${asOf}`,
        `implied rates of the meeting month and the month after`,
        `probabilities of each target range after the ${arg(call, 'meeting')} meeting (CME FedWatch method)`,
      ];
    default:
      return [`${call.field}: ${known}`];
  }
}

const words = (code: string): string => code.toLowerCase().replace(/_/g, ' ');

/** meta.of: one change kind (LOG_RETURNS), or one per input ({ RUT: { of: 'SIMPLE_RETURNS', unit: 'fraction' }, … }). */
function describeOf(of: unknown): string {
  if (typeof of === 'string') return words(of);
  return Object.entries(of as Record<string, { of?: string } | string>)
    .map(([id, v]) => `${id} ${words(typeof v === 'string' ? v : (v.of ?? ''))}`)
    .join(', ');
}

/** The stored series behind an id: itself, or every operand of an expression, each with its source and vintage. */
async function seriesFacts(fetch: Fetch, id: string, asOf: string | null, today: string): Promise<SeriesFacts[]> {
  try {
    const s = await ask(fetch, ExplainSeries, { id, asOf });
    if (!s) return [];
    const until = asOf ?? today;
    const facts = ({ vintages, ...rest }: ExplainedSeries): SeriesFacts => ({ ...rest, vintage: vintages.filter((v) => v <= until).at(-1) ?? null });
    if (s.operands.length) return s.operands.map(facts);
    const { operands: _none, ...stored } = s;
    return [facts(stored)];
  } catch {
    return [];
  }
}

/** A GraphQL literal for a value of a given type: strings quoted, enums bare, lists bracketed. */
function literal(value: unknown, type: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type.replace(/^\[|\]!?$/g, ''))).join(', ')}]`;
  const base = type.replace(/[[\]!]/g, '');
  if (['ID', 'String', 'Date'].includes(base)) return JSON.stringify(String(value));
  if (['Int', 'Float', 'Boolean'].includes(base)) return String(value);
  return String(value); // an enum
}

/** The call as a standalone query with its arguments written out (what "Copy query" copies). */
export function inlineQuery(call: FieldCall): string {
  let selection = call.selection;
  const root: string[] = [];
  for (const a of call.args) {
    const given = a.value !== undefined && a.value !== null;
    if (a.in === 'selection') {
      const ref = new RegExp(`\\b${a.name}:\\s*\\$${a.name}\\b`, 'g');
      selection = selection.replace(ref, given ? `${a.name}: ${literal(a.value, a.type)}` : '');
    } else if (given) {
      root.push(`${a.name}: ${literal(a.value, a.type)}`);
    }
  }
  selection = selection
    .replace(/\(\s*(,\s*)*/g, '(')
    .replace(/(,\s*)+\)/g, ')')
    .replace(/,\s*(,\s*)+/g, ', ')
    .replace(/\(\s*\)/g, '');
  const body = indentSelection(selection.trim());
  return `query {\n  ${call.field}${root.length ? `(${root.join(', ')})` : ''}${body ? ` {\n${body}\n  }` : ''}\n}`;
}

function indentSelection(selection: string): string {
  const lines: string[] = [];
  let depth = 2;
  let line = '';
  const push = () => {
    if (line.trim()) lines.push(`${'  '.repeat(depth)}${line.trim()}`);
    line = '';
  };
  let parens = 0;
  for (const ch of selection) {
    if (ch === '(') parens++;
    if (ch === ')') parens--;
    if (ch === '{' && parens === 0) {
      line = `${line.trimEnd()} {`;
      push();
      depth++;
    } else if (ch === '}' && parens === 0) {
      push();
      depth--;
      line = '}';
      push();
    } else line += ch;
  }
  push();
  return lines.join('\n');
}
