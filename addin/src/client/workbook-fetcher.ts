// What a cell's call costs depends on how long its answer stays true:
// - final (an asOf date that is over, or anything in a pinned workbook): kept across restarts and
//   never fetched again;
// - recent (latest values): shown at once from the last session's answer while one batch refreshes
//   them, and the sheet recalculates only if a refreshed answer differs.
import { addDays, todayIso } from '../shared/dates.js';
import type { AnswerCache } from './answer-cache.js';
import type { BatchingClient } from './batching-client.js';
import { callKey, type FieldCall } from './query.js';

export type Origin = 'server' | 'final cache' | 'recent cache';

/** How one call of a cell was answered; the Explain pane shows it. */
export interface CallTrace {
  call: FieldCall;
  final: boolean;
  origin: Origin;
  /** When the answer shown was received from the server (ms since epoch). */
  receivedAt?: number;
}

export interface FetcherOptions {
  /** Days after which an asOf date is over for good (publication dates are the publisher's local day). */
  finalAfterDays: number;
  /** How old a recent answer may be and still be shown while it refreshes. */
  staleMaxAgeMs: number;
  /** How long a recent answer is taken as current without refreshing it. */
  freshMs: number;
  /** Wait after the last refresh before telling that values changed, so one open is one recalculation. */
  settleMs: number;
  now(): number;
  today(): string;
}

export const DEFAULT_FETCHER_OPTIONS: FetcherOptions = {
  finalAfterDays: 2,
  staleMaxAgeMs: 7 * 86_400_000,
  freshMs: 30_000,
  settleMs: 50,
  now: () => Date.now(),
  today: () => todayIso(),
};

export class WorkbookFetcher {
  private readonly options: FetcherOptions;
  /** Refreshes in flight, per answer key, so cells sharing a call refresh it once. */
  private readonly refreshing = new Map<string, Promise<void>>();
  private changed = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  readonly stats = { finalHits: 0, staleServed: 0, refreshes: 0, refreshFailures: 0, changedAfterRefresh: 0 };
  lastRefreshError: string | undefined;

  constructor(
    private readonly client: BatchingClient,
    private readonly answers: AnswerCache,
    private readonly pin: () => string | undefined,
    /** Called once refreshes settle, with how many answers differed from those shown. */
    private readonly onRefreshed: (changed: number) => void = () => undefined,
    options: Partial<FetcherOptions> = {},
  ) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
    this.options = { ...DEFAULT_FETCHER_OPTIONS, ...given };
  }

  async fetch<T>(raw: FieldCall, trace?: (t: CallTrace) => void): Promise<T> {
    const pin = this.pin();
    const call = withPin(raw, pin);
    const final = this.isFinal(call, pin);
    const key = this.keyFor(call, final && !hasAsOf(call) ? pin : undefined);
    const stored = await this.answers.get(key);
    const now = this.options.now();
    if (stored && (stored.final || (!final && now - stored.savedAt <= this.options.freshMs))) {
      if (stored.final) this.stats.finalHits++;
      trace?.({ call, final, origin: stored.final ? 'final cache' : 'recent cache', receivedAt: stored.savedAt });
      return stored.value as T;
    }
    if (stored && now - stored.savedAt <= this.options.staleMaxAgeMs) {
      this.stats.staleServed++;
      trace?.({ call, final, origin: 'recent cache', receivedAt: stored.savedAt });
      this.refresh(key, call, final, stored.value);
      return stored.value as T;
    }
    const value = await this.client.fetch<T>(call);
    this.keep(key, value, final);
    trace?.({ call, final, origin: 'server', receivedAt: this.options.now() });
    return value;
  }

  /** A call is final when every asOf it carries is over, or when the workbook is pinned to a day that is over. */
  isFinal(raw: FieldCall, pin = this.pin()): boolean {
    const call = withPin(raw, pin);
    const cutoff = addDays(this.options.today(), -this.options.finalAfterDays);
    const asOfs = call.args.filter((a) => a.name === 'asOf' && a.value !== undefined && a.value !== null);
    if (asOfs.length > 0) return asOfs.every((a) => String(a.value) <= cutoff);
    // Catalog calls take no asOf: a pinned workbook keeps them with its pin, as it keeps everything.
    return pin !== undefined && !call.args.some((a) => a.name === 'asOf') && pin <= cutoff;
  }

  private keyFor(call: FieldCall, pin: string | undefined): string {
    return JSON.stringify([this.client.settings.url, pin ?? null, callKey(call)]);
  }

  private keep(key: string, value: unknown, final: boolean): void {
    // null is "no such series": not kept, so an id added later is found.
    if (value !== null && value !== undefined) this.answers.put(key, value, final);
  }

  private refresh(key: string, call: FieldCall, final: boolean, shown: unknown): void {
    if (this.refreshing.has(key)) return;
    this.stats.refreshes++;
    const done = this.client.fetch(call).then(
      (value) => {
        this.keep(key, value, final);
        this.lastRefreshError = undefined;
        if (JSON.stringify(value) !== JSON.stringify(shown)) {
          this.changed++;
          this.stats.changedAfterRefresh++;
        }
      },
      (e: Error) => {
        // The cell keeps the value it shows; the task pane says the refresh failed.
        this.stats.refreshFailures++;
        this.lastRefreshError = e.message;
      },
    );
    this.refreshing.set(key, done);
    void done.finally(() => {
      this.refreshing.delete(key);
      this.scheduleSettle();
    });
  }

  private scheduleSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = undefined;
      if (this.refreshing.size > 0) return; // the last one to finish reschedules
      const changed = this.changed;
      this.changed = 0;
      if (changed > 0) this.onRefreshed(changed);
    }, this.options.settleMs);
  }

  /** What the answer cache holds, for the task pane. */
  cacheUsage(): { answers: number; final: number; chars: number } {
    return this.answers.usage();
  }

  /** Forgets every kept answer, here and on the computer (after the server's history was rewritten, say). */
  async forgetAnswers(): Promise<void> {
    this.client.clearCache();
    await this.answers.clear();
  }

  /** Writes pending answers to storage now (before a page closes; tests). */
  flushCache(): Promise<void> {
    return this.answers.flush();
  }

  /** Resolves when no refresh is in flight (tests, and the pane's status line). */
  async idle(): Promise<void> {
    while (this.refreshing.size > 0) await Promise.all(this.refreshing.values());
  }
}

/** The call with every omitted asOf replaced by the workbook's pin. */
export function withPin(call: FieldCall, pin: string | undefined): FieldCall {
  if (pin === undefined || !call.args.some((a) => a.name === 'asOf' && (a.value === undefined || a.value === null))) return call;
  return { ...call, args: call.args.map((a) => (a.name === 'asOf' && (a.value === undefined || a.value === null) ? { ...a, value: pin } : a)) };
}

function hasAsOf(call: FieldCall): boolean {
  return call.args.some((a) => a.name === 'asOf');
}
