// Calendar helpers for 30-day fed funds futures: contract codes and month arithmetic.
// A contract settles on the average daily effective fed funds rate of its month: price = 100 − rate.

const MONTH_CODES = 'FGHJKMNQUVXZ';

/** `YYYY-MM` of a `YYYY-MM-DD` date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The month `delta` months after `month` (`YYYY-MM`). */
export function addMonths(month: string, delta: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + delta;
  const year = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${year}-${String(mm + 1).padStart(2, '0')}`;
}

export function daysInMonth(month: string): number {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
}

/** CME ticker of the contract for `month`, e.g. 2024-09 → ZQU24 (the bundled series ids use it). */
export function fedFundsContract(month: string): string {
  const code = MONTH_CODES[Number(month.slice(5, 7)) - 1];
  return `ZQ${code}${month.slice(2, 4)}`;
}

/** `YYYY-MM` of a contract's ticker (ZQU24 → 2024-09), or undefined when it is not one. */
export function contractMonth(ticker: string): string | undefined {
  const m = /^ZQ([FGHJKMNQUVXZ])(\d{2})$/.exec(ticker);
  return m ? `20${m[2]}-${String(MONTH_CODES.indexOf(m[1]) + 1).padStart(2, '0')}` : undefined;
}

/** 100 − price, the average rate (percent) the contract prices for its month. */
export function impliedRate(price: number): number {
  return 100 - price;
}
