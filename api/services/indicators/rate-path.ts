// ratePath(asOf): every upcoming FOMC meeting the fed funds futures price, as known on asOf.
import { addMonths } from '../../series/dates.js';
import { fomcMeetings, ratePath, type DayCount, type Observed, type RatePathResult } from '../../indicators/index.js';
import { assertIsoDate } from '../../indicators/validate.js';
import { readFedWatchInputs } from './cut-probabilities.js';
import type { SeriesReader } from './inputs.js';

/** The path covers the meetings of the next 18 months: as far as the futures say much, and what FedWatch shows. */
export const RATE_PATH_MONTHS = 18;

export async function readRatePath(reader: SeriesReader, asOf: string, dayCount?: DayCount): Promise<RatePathResult & { prices: Record<string, Observed> }> {
  assertIsoDate('asOf', asOf);
  const horizon = addMonths(asOf, RATE_PATH_MONTHS);
  const upcoming = fomcMeetings().filter((m) => m.decisionDate > asOf && m.decisionDate <= horizon);
  const through = upcoming[upcoming.length - 1]?.decisionDate ?? asOf;
  const { target, effective, prices } = await readFedWatchInputs(reader, asOf, through);
  const path = ratePath({ asOf, through, price: (c) => prices[c]?.value ?? null, targetUpper: target.value, effectiveRate: effective?.value ?? null, dayCount });
  return { ...path, prices };
}
