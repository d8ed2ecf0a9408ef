// cutProbabilities(meeting, asOf): FedWatch probabilities from the fed funds futures, target range
// and effective rate as the store knew them on asOf. A contract the store does not hold, or has no
// settlement for in the days up to asOf, counts as not priced.
import { noData, notFound } from '../../errors/domain-error.js';
import { contractMonths, cutProbabilities, daysInMonth, fedFundsContract, lastOnOrBefore, requireMeeting, type DayCount, type FedWatchResult, type Observed } from '../../indicators/index.js';
import { addDays } from '../../series/dates.js';
import { earliestVintage } from '../no-data.js';
import { readInput, type SeriesReader } from './inputs.js';

export const TARGET_UPPER_ID = 'DFEDTARU';
export const EFFECTIVE_RATE_ID = 'DFF';
/** A settlement older than this on asOf is stale (an expired or delisted contract), not a price. */
const PRICE_LOOKBACK_DAYS = 7;
/** The target range and DFF are daily; a month without a value means the store is not current. */
const STALE_RATE_DAYS = 31;

/** The last value of `id` on or before asOf, as published by asOf; null when the store has none. */
async function knownOn(reader: SeriesReader, id: string, asOf: string, lookbackDays?: number): Promise<Observed | null> {
  const meta = await reader.meta(id);
  if (!meta) return null;
  const readFrom = lookbackDays === undefined ? undefined : addDays(asOf, -lookbackDays);
  const { columns } = await readInput(reader, meta, { frequency: meta.frequency, readFrom, to: asOf, asOf });
  return lastOnOrBefore(columns, asOf);
}

/**
 * The settlement of each contract FedWatch may use (the month before asOf's through a few months
 * past the meeting), as known on asOf. A contract whose month has ended settles on that month's
 * realised average: its last settlement stands however old it is, once it falls in the month's last week.
 */
async function contractPrices(reader: SeriesReader, meeting: string, asOf: string): Promise<Record<string, Observed>> {
  const settled = await Promise.all(
    contractMonths(asOf, meeting).map(async (month) => {
      const lastDay = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
      const lookback = lastDay < asOf ? Math.max(PRICE_LOOKBACK_DAYS, Math.round((Date.parse(asOf) - Date.parse(lastDay)) / 86_400_000) + PRICE_LOOKBACK_DAYS) : PRICE_LOOKBACK_DAYS;
      return [fedFundsContract(month), await knownOn(reader, fedFundsContract(month), asOf, lookback)] as const;
    }),
  );
  return Object.fromEntries(settled.filter((e): e is [string, Observed] => e[1] !== null));
}

async function requireTarget(reader: SeriesReader, asOf: string): Promise<Observed> {
  const meta = await reader.meta(TARGET_UPPER_ID);
  if (!meta) throw notFound(`The store holds no ${TARGET_UPPER_ID} (target range upper bound), which cutProbabilities needs; load it first`);
  const firstPublished = earliestVintage(meta);
  if (!firstPublished || asOf < firstPublished) {
    throw noData(`asOf ${asOf} is before any data: the earliest vintage of the target range (${TARGET_UPPER_ID}) held is ${firstPublished ?? 'none'}. Pass an asOf on or after it`, {
      seriesId: TARGET_UPPER_ID,
      asOf,
      earliestVintage: firstPublished ?? null,
      argumentName: 'asOf',
    });
  }
  const target = await knownOn(reader, TARGET_UPPER_ID, asOf, STALE_RATE_DAYS);
  if (target) return target;
  throw noData(`No target range (${TARGET_UPPER_ID}) known in the ${STALE_RATE_DAYS} days up to asOf ${asOf}; the store's data ends ${meta.lastDate}. Pass an earlier asOf`, {
    seriesId: TARGET_UPPER_ID,
    firstDate: meta.firstDate ?? null,
    lastDate: meta.lastDate ?? null,
    argumentName: 'asOf',
  });
}

/** What every FedWatch answer reads as known on asOf: the target range, DFF and the contracts it may use. */
export async function readFedWatchInputs(reader: SeriesReader, asOf: string, lastMeeting: string): Promise<{ target: Observed; effective: Observed | null; prices: Record<string, Observed> }> {
  const target = await requireTarget(reader, asOf);
  const effective = await knownOn(reader, EFFECTIVE_RATE_ID, asOf, STALE_RATE_DAYS);
  return { target, effective, prices: await contractPrices(reader, lastMeeting, asOf) };
}

export async function readCutProbabilities(reader: SeriesReader, meeting: string, asOf: string, dayCount?: DayCount): Promise<FedWatchResult & { prices: Record<string, Observed> }> {
  requireMeeting(meeting); // before any read: a wrong date is the commonest mistake
  const { target, effective, prices } = await readFedWatchInputs(reader, asOf, meeting);
  const result = cutProbabilities({
    meeting,
    asOf,
    price: (contract) => prices[contract]?.value ?? null,
    targetUpper: target.value,
    effectiveRate: effective?.value ?? null,
    dayCount,
  });
  return { ...result, prices };
}
