// A vendor's settlement file holding many fed funds futures contracts (one row per trade date and
// contract: what a Bloomberg or CME DataMine export gives) → one series per contract. Pure.
import type { Revision } from '../../series/types.js';
import { fail, type Origin } from '../errors.js';
import type { SeriesBatch } from '../types.js';
import { decodeCsv, readCsvRecords } from './csv-decode.js';
import { guessDateFormat, guessDelimiter, parseDate, parseNumber, type DateFormat } from './csv-values.js';
import { normalizeContract, zqDescription } from './zq-contracts.js';

export interface SettlementColumns {
  dateColumn?: string;
  contractColumn?: string;
  settlementColumn?: string;
  dateFormat?: DateFormat;
}

/** Header names vendors use, compared without case, spaces or underscores. */
const KNOWN: Record<'date' | 'contract' | 'settlement', string[]> = {
  date: ['date', 'tradedate', 'businessdate', 'bizdt', 'asofdate', 'settlementdate'],
  contract: ['contract', 'symbol', 'ticker', 'security', 'instrument', 'sym'],
  settlement: ['settlement', 'settle', 'settlementprice', 'settleprice', 'pxsettle', 'settprice'],
};
const squash = (s: string) => s.toLowerCase().replace(/[\s_\-.]/g, '');

/**
 * A price outside this range is not a ZQ settlement: 100 − price is the month's average rate in
 * percent, and fed funds has been between 0 and 20 % in the contract's whole history.
 */
const PRICE_RANGE = [80, 101] as const;

export function parseZqSettlements(bytes: Uint8Array, file: string, cols: SettlementColumns = {}): SeriesBatch[] {
  const origin: Origin = { source: `settlement file ${file}` };
  const text = decodeCsv(bytes, origin);
  const delimiter = guessDelimiter(text.split(/\r?\n/, 1)[0]);
  const records = readCsvRecords(text, delimiter, origin);
  const header = records[0].record;
  const column = (role: keyof typeof KNOWN, given: string | undefined, flag: string): number => {
    const i = given !== undefined ? header.indexOf(given) : header.findIndex((h) => KNOWN[role].includes(squash(h)));
    if (i >= 0) return i;
    return fail(
      origin,
      1,
      given !== undefined
        ? `column "${given}" is not in the header; the columns are ${header.map((h) => `"${h}"`).join(', ')}`
        : `no ${role} column (looked for ${KNOWN[role].join(', ')}) in the header ${header.map((h) => `"${h}"`).join(', ')}; name it with ${flag}`,
    );
  };
  const dateIdx = column('date', cols.dateColumn, '--date-col');
  const contractIdx = column('contract', cols.contractColumn, '--contract-col');
  const settleIdx = column('settlement', cols.settlementColumn, '--settle-col');
  const body = records.slice(1);
  const firstDate = body[0].record[dateIdx];
  const dateFormat = cols.dateFormat ?? guessDateFormat(firstDate) ?? fail(origin, body[0].info.lines, `cannot tell the date format of "${firstDate}"; pass --date-format`);

  const byContract = new Map<string, Map<string, number>>();
  for (const { record, info } of body) {
    const row = info.lines;
    const date = parseDate(record[dateIdx], dateFormat) ?? fail(origin, row, `"${record[dateIdx]}" is not a ${dateFormat} date`);
    const contract =
      normalizeContract(record[contractIdx], date) ??
      fail(origin, row, `"${record[contractIdx]}" is not a fed funds futures contract (ZQ or FF, a month code F…Z and a year: ZQU24, ZQU4, FFU4 Comdty)`);
    const value = parseNumber(record[settleIdx], '.');
    if (value === undefined || value === null) fail({ ...origin, series: contract }, row, `settlement "${record[settleIdx]}" is not a number`);
    if (value < PRICE_RANGE[0] || value > PRICE_RANGE[1]) {
      fail(
        { ...origin, series: contract },
        row,
        `settlement ${value} is not a ZQ price (100 − the average rate, between ${PRICE_RANGE[0]} and ${PRICE_RANGE[1]})${value < 20 ? '; it looks like a rate: give prices' : ''}`,
      );
    }
    const days = byContract.get(contract) ?? new Map<string, number>();
    const before = days.get(date);
    if (before !== undefined && before !== value) fail({ ...origin, series: contract }, row, `${date} appears twice with different settlements (${before} and ${value})`);
    days.set(date, value);
    byContract.set(contract, days);
  }
  return [...byContract.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, days]) => {
      // a settlement is published on the evening of its trading day, so it is known on that day
      const revisions: Revision[] = [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, value]) => ({ date, value, realtimeStart: date }));
      return { meta: zqDescription(id, { name: 'Settlement file', sourceId: `${file}#${id}` }, `Imported from a vendor settlement file (${file}).`), revisions, publication: 'rule' };
    });
}
