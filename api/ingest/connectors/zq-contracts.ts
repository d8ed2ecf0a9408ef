// 30-day fed funds futures (CME ZQ) as Tide stores them: one series per contract month, id
// ZQ{month code}{yy} (ZQU24 = September 2024), valued at the daily settlement price.
import { addMonths, contractMonth, fedFundsContract } from '../../indicators/index.js';
import type { SeriesDescription } from '../types.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** CME lists ZQ "monthly contracts for 60 consecutive months" (contract specifications). */
export const LISTED_MONTHS = 60;

/** The Tide id of the contract for `YYYY-MM` (the ticker FedWatch reads). */
export const zqId = fedFundsContract;
/** `YYYY-MM` of a Tide id (ZQU24 → 2024-09), or undefined when the id is not one. */
export const zqMonth = contractMonth;

/**
 * The contracts to ask for on `day`: the month just ended (its last settlements and the final one
 * arrive in the first days after it), then `months` listed months from the current one.
 */
export function listedContracts(day: string, months = LISTED_MONTHS): string[] {
  const first = addMonths(day.slice(0, 7), -1);
  return Array.from({ length: months + 1 }, (_, k) => zqId(addMonths(first, k)));
}

/**
 * A vendor's way of writing a contract → Tide's id, or undefined when it is not a fed funds future.
 * Accepts CME Globex codes with a two- or one-digit year (ZQU24, ZQU4), the old open-outcry root
 * (FFU4) and Bloomberg tickers (`FFU4 Comdty`). A one-digit year is the first year, from the trade
 * date's year on, that ends in that digit, so `ZQF5` traded in 2024 is January 2025.
 */
export function normalizeContract(code: string, tradeDate: string): string | undefined {
  const m = /^(?:ZQ|FF)\s?([FGHJKMNQUVXZ])\s?(\d{1,2})(?:\s+COMDTY)?$/i.exec(code.trim());
  if (!m) return undefined;
  const month = m[1].toUpperCase();
  if (m[2].length === 2) return `ZQ${month}${m[2]}`;
  const tradeYear = Number(tradeDate.slice(0, 4));
  let year = tradeYear - (tradeYear % 10) + Number(m[2]);
  if (year < tradeYear) year += 10;
  return `ZQ${month}${String(year).slice(2)}`;
}

/** The series description of a contract; `source` names where the settlements come from. */
export function zqDescription(id: string, source: SeriesDescription['source'], notes: string): SeriesDescription {
  const month = zqMonth(id);
  const label = month ? `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}` : id;
  return {
    id,
    name: `30-Day Federal Funds futures, ${label} contract`,
    unit: 'Price (100 - average rate)',
    frequency: 'DAILY',
    source,
    notes:
      `Daily settlement price; the implied average effective fed funds rate for the month is 100 - price. Each settlement is dated and known on its trading day (published that evening). ${notes}`.trim(),
  };
}
