// positioning(contract, group, report, from, to, asOf): one trader group's CFTC positions, from the
// stored series CFTC_<contract>_<F|C>_<FIELD>, as published by asOf (reports are public on the
// Friday after their Tuesday date).
import { notFound } from '../../errors/domain-error.js';
import { positioning, positioningSeriesIds, type CotReport, type PositioningColumns, type TraderGroup } from '../../indicators/index.js';
import { parseCftcSeriesId } from '../../series/cftc-fields.js';
import { validateRange } from '../observations.js';
import { readInput, requireMeta, requireValues, type SeriesReader } from './inputs.js';
import { trimRows } from '../../series/range.js';
import { readStart } from './windows.js';

/** The arguments of Query.positioning (schema.graphql). */
export interface PositioningArgs {
  contract: string;
  group: TraderGroup;
  report?: CotReport | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
}

export interface PositioningOutput extends PositioningColumns {
  contract: string;
  group: TraderGroup;
  report: CotReport;
}

const COLUMNS = ['long', 'short', 'spread', 'net', 'longShare', 'pctOfOpenInterest', 'netPctOfOpenInterest', 'openInterest'] as const;

/** The contracts the store holds, for the message when an unknown one is asked for. */
async function storedContracts(reader: SeriesReader): Promise<string> {
  const metas = await reader.store.listMeta();
  const codes = new Map<string, string>();
  for (const m of metas) {
    const parsed = parseCftcSeriesId(m.id);
    if (parsed?.field === 'OPEN_INTEREST') codes.set(parsed.contract, m.name.split(':')[0]);
  }
  return [...codes].map(([code, name]) => `${code} (${name})`).join(', ') || 'none';
}

export async function readPositioning(reader: SeriesReader, args: PositioningArgs): Promise<PositioningOutput> {
  validateRange(args.from, args.to);
  const report = args.report ?? 'FUTURES_ONLY';
  const ids = positioningSeriesIds(args.contract, args.group, report);
  if (!(await reader.meta(ids.openInterest))) {
    throw notFound(`No CFTC contract "${args.contract}" (${report}) in the store; stored contracts: ${await storedContracts(reader)}. ` + 'searchSeries(text: "CFTC") lists their series', 'contract');
  }
  const w = { frequency: 'WEEKLY' as const, readFrom: args.from ? readStart(args.from, 'WEEKLY', 1) : undefined, to: args.to, asOf: args.asOf };
  const read = async (id: string) => readInput(reader, await requireMeta(reader, id, 'contract'), w);
  const [long, short, openInterest, spread] = await Promise.all([ids.long, ids.short, ids.openInterest, ...(ids.spread ? [ids.spread] : [])].map(read));
  requireValues(long, args, 'WEEKLY');
  const cols = positioning({ long: long.columns, short: short.columns, openInterest: openInterest.columns, spread: spread?.columns ?? null });
  return { contract: args.contract, group: args.group, report, ...trimRows(cols, [...COLUMNS], args, 'WEEKLY') };
}
