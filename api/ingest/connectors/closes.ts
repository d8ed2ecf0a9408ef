import type { CommandContext } from '../connector.js';

/** The command of the daily-close sources (Stooq, Alpha Vantage): ids, and --symbol for a single id. */
export function closesCommand<K extends string>(kind: K, { args, values, fail, one }: CommandContext): { kind: K; series: string[]; symbols?: Record<string, string> } {
  one('series id');
  const symbol = values.symbol as string | undefined;
  const symbols = symbol ? (args.length === 1 ? { [args[0]]: symbol } : fail(`${kind}: --symbol needs exactly one series id.`)) : undefined;
  return { kind, series: args, symbols };
}
