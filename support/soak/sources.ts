import { addDays } from '../../api/series/dates.js';
import type { Revision } from '../../api/series/types.js';
import { seeded } from '../seeded-random.js';

// Simulated sources that restate their history the way real providers do, for the multi-year soak
// (test/ingest/soak.test.ts) and its benchmark row. Each answers "what would you send if asked on
// trading day d": an adjusted price history is raw closes times the adjustment factors of every
// corporate action since, rounded to the provider's 4 decimals (Stooq rounds; Alpha Vantage sends 4
// decimals); a monthly index is released mid-month after the month, revised twice, and rebased
// every year. All of it from a seeded generator, so every run feeds the same history.

/** Weekdays from `start` (a Monday) on: the simulation's trading days. */
export function tradingDays(start: string, count: number): string[] {
  const out: string[] = [];
  for (let d = start; out.length < count; d = addDays(d, 1)) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) out.push(d);
  }
  return out;
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

export interface Action {
  /** index of the ex-day in the trading days: closes before it are scaled */
  ex: number;
  kind: 'dividend' | 'split';
  /** the factor the provider applies to earlier closes, before any re-adjustment */
  factor: number;
}

export interface PriceSourceSpec {
  id: string;
  seed: number;
  /** trading days between dividends; 0: none */
  dividendEvery: number;
  /** dividend as a fraction of the close before the ex-day */
  yield: number;
  /** ex-day index of a 2-for-1 split */
  splitAt?: number;
  /** from this trading day on the provider re-derives every past dividend factor (a whole-history re-adjustment) */
  readjustAt?: number;
}

/** An adjusted price history as a provider would send it on each day. */
export class PriceSource {
  readonly raw: number[] = [];
  readonly actions: Action[] = [];
  constructor(
    readonly spec: PriceSourceSpec,
    readonly days: string[],
  ) {
    const rand = seeded(spec.seed);
    let price = 40 + rand() * 60;
    for (let i = 0; i < days.length; i++) {
      // a geometric random walk (Box-Muller normal)
      const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
      price *= Math.exp(0.0002 + 0.012 * z);
      if (spec.splitAt === i) {
        this.actions.push({ ex: i, kind: 'split', factor: 0.5 });
        price /= 2;
      }
      if (spec.dividendEvery && i > 0 && i % spec.dividendEvery === 0) this.actions.push({ ex: i, kind: 'dividend', factor: 1 - spec.yield * (0.9 + 0.2 * rand()) });
      this.raw.push(price);
    }
  }

  /** The factor the provider applies for `action` when asked on day `asked`. */
  private factorOn(action: Action, asked: number): number {
    if (action.kind === 'dividend' && this.spec.readjustAt !== undefined && asked >= this.spec.readjustAt) return 1 - (1 - action.factor) * 1.015;
    return action.factor;
  }

  private last?: { asked: number; history: Revision[] };

  /** The history sent on trading day `asked`: every close up to that day, adjusted for the actions up to it. */
  historyOn(asked: number): Revision[] {
    // A day with no action sends yesterday's history and the new close (factors change only on action days).
    const last = this.last;
    const quiet = last && asked === last.asked + 1 && !this.actions.some((a) => a.ex === asked) && this.spec.readjustAt !== asked;
    const history = quiet ? last!.history.concat([{ date: this.days[asked], value: round(this.raw[asked], 4), realtimeStart: this.days[asked] }]) : this.computeOn(asked);
    this.last = { asked, history };
    return history;
  }

  private computeOn(asked: number): Revision[] {
    const out = new Array<Revision>(asked + 1);
    let factor = 1;
    let next = this.actions.length - 1;
    while (next >= 0 && this.actions[next].ex > asked) next--;
    for (let i = asked; i >= 0; i--) {
      while (next >= 0 && this.actions[next].ex > i) factor *= this.factorOn(this.actions[next--], asked);
      out[i] = { date: this.days[i], value: round(this.raw[i] * factor, 4), realtimeStart: this.days[i] };
    }
    return out;
  }

  /** Days on which the history sent differs from the day before's beyond the new close. */
  restatementDays(): number[] {
    const days = this.actions.map((a) => a.ex);
    if (this.spec.readjustAt !== undefined) days.push(this.spec.readjustAt);
    return [...new Set(days)].sort((a, b) => a - b);
  }
}

/**
 * A monthly index (like a CPI): month m is first released on the 15th of month m+1, revised at the
 * next two releases, rounded to 3 decimals, and rebased each February (every value times one
 * factor, as when the base period moves).
 */
export class MacroSource {
  private readonly months: string[] = [];
  /** per month, the unrounded value at its 1st, 2nd and 3rd release */
  private readonly prints: number[][] = [];
  /** rebases: [release index, factor] */
  readonly rebases: [number, number][] = [];
  constructor(
    readonly id: string,
    seed: number,
    firstMonth: string,
    count: number,
  ) {
    const rand = seeded(seed);
    let level = 100;
    for (let m = 0; m < count; m++) {
      const [y, mo] = firstMonth.split('-').map(Number);
      const month = new Date(Date.UTC(y, mo - 1 + m, 1)).toISOString().slice(0, 10);
      this.months.push(month);
      level *= 1 + 0.002 + 0.003 * (rand() - 0.5);
      this.prints.push([level, level * (1 + 0.0008 * (rand() - 0.5)), level * (1 + 0.0012 * (rand() - 0.5))]);
      if (month.slice(5, 7) === '01' && m > 0) this.rebases.push([m, 0.95 + 0.1 * rand()]);
    }
  }

  /** The day month m's first value is released. */
  releaseOf(m: number): string {
    const [y, mo] = this.months[m].split('-').map(Number);
    return new Date(Date.UTC(y, mo, 15)).toISOString().slice(0, 10);
  }

  /** The values in force on `day`, each dated by its first release (the rule a FRED current-values ingest uses). */
  historyOn(day: string): Revision[] {
    let released = -1;
    while (released + 1 < this.months.length && this.releaseOf(released + 1) <= day) released++;
    let scale = 1;
    for (const [m, f] of this.rebases) if (m <= released) scale *= f;
    const out: Revision[] = [];
    for (let m = 0; m <= released; m++) {
      const print = this.prints[m][Math.min(2, released - m)];
      out.push({ date: this.months[m], value: round(print * scale, 3), realtimeStart: this.releaseOf(m) });
    }
    return out;
  }
}
