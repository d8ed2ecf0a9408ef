// Collects the fields every cell asks for during one recalculation and sends them as few aliased
// GraphQL requests as the limits allow. Identical fields are fetched once and kept for a short time.
// Calls whose answers can never change are batched apart from the others and sent as cacheable GETs.
import { TideError, asTideError } from '../shared/errors.js';
import { isCacheableCall } from './cacheable.js';
import { chunkForGet } from './get-chunks.js';
import { ConcurrencyLimiter } from './limiter.js';
import { aliasFor, buildBatchQuery, callKey, type FieldCall } from './query.js';
import { distributeResponse } from './response.js';
import { DEFAULT_OPTIONS, type ClientOptions } from './options.js';
import { sendGraphQL, type Transport } from './transport.js';

export type { ClientOptions } from './options.js';

interface Pending {
  call: FieldCall;
  /** Times this field was asked again after a transient error. */
  retries: number;
  resolve(value: unknown): void;
  reject(error: TideError): void;
}

interface CacheEntry {
  promise: Promise<unknown>;
  /** Undefined while the request is in flight. */
  expiresAt?: number;
}

export class BatchingClient {
  private options: ClientOptions;
  private readonly limiter: ConcurrencyLimiter;
  private readonly cache = new Map<string, CacheEntry>();
  private pending: Pending[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Requests sent, fields asked for, and requests that re-asked busy fields, since creation. */
  readonly stats = { requests: 0, fields: 0, retryRequests: 0, cacheableRequests: 0 };

  constructor(
    options: Partial<ClientOptions> & { url: string },
    private readonly transport: Transport = sendGraphQL,
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.limiter = new ConcurrencyLimiter(this.options.maxConcurrentRequests);
  }

  get settings(): Readonly<ClientOptions> {
    return this.options;
  }

  /** Changing the endpoint drops cached answers: they came from elsewhere or with another key. */
  configure(options: Partial<ClientOptions>): void {
    const endpointChanged = ['url', 'apiKey'].some((k) => k in options && options[k as keyof ClientOptions] !== this.options[k as keyof ClientOptions]);
    this.options = { ...this.options, ...options };
    this.limiter.setLimit(this.options.maxConcurrentRequests);
    if (endpointChanged) this.cache.clear();
  }

  clearCache(): void {
    this.cache.clear();
  }

  /** The value of one root field. Rejects with a TideError. */
  fetch<T>(call: FieldCall): Promise<T> {
    const key = callKey(call);
    const cached = this.cache.get(key);
    if (cached && (cached.expiresAt === undefined || cached.expiresAt > Date.now())) return cached.promise as Promise<T>;
    const entry: CacheEntry = {
      promise: new Promise<unknown>((resolve, reject) => this.pending.push({ call, resolve, reject, retries: 0 })),
    };
    this.cache.set(key, entry);
    entry.promise.then(
      () => {
        entry.expiresAt = Date.now() + this.options.cacheTtlMs;
        if (this.options.cacheTtlMs <= 0 && this.cache.get(key) === entry) this.cache.delete(key);
      },
      () => {
        if (this.cache.get(key) === entry) this.cache.delete(key);
      },
    );
    this.timer ??= setTimeout(() => this.flush(), this.options.batchDelayMs);
    return entry.promise as Promise<T>;
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    const size = Math.max(1, this.options.maxFieldsPerRequest);
    // Answers that cannot change go apart, as GETs (get-chunks.ts).
    const today = this.options.today();
    const cacheable = this.options.cacheableGet ? batch.filter((p) => isCacheableCall(p.call, today)) : [];
    const asGet = new Set(cacheable);
    const others = batch.filter((p) => !asGet.has(p));
    for (const chunk of chunkForGet(cacheable, this.options.url, this.options.maxGetUrlBytes, size)) void this.limiter.run(() => this.send(chunk, true));
    for (let i = 0; i < others.length; i += size) {
      const chunk = others.slice(i, i + size);
      void this.limiter.run(() => this.send(chunk, false));
    }
  }

  private async send(chunk: Pending[], cacheable: boolean): Promise<void> {
    const { url, apiKey, timeoutMs, maxGetUrlBytes } = this.options;
    this.stats.requests++;
    if (cacheable) this.stats.cacheableRequests++;
    this.stats.fields += chunk.length;
    let response;
    try {
      response = await this.transport({ url, apiKey, timeoutMs }, buildBatchQuery(chunk.map((p) => p.call)), { cacheable, maxUrlBytes: maxGetUrlBytes });
    } catch (e) {
      for (const p of chunk) p.reject(asTideError(e));
      return;
    }
    const { requestError, fields } = distributeResponse(
      response,
      chunk.map((_, i) => aliasFor(i)),
    );
    // A request-wide error (a limit, an invalid field) may be caused by one call: halve the batch
    // until the culprit stands alone, so the other cells still get their values. A busy server is
    // not a culprit: the whole batch waits and asks again (below).
    if (requestError && requestError.kind !== 'unauthorised' && requestError.kind !== 'unavailable' && chunk.length > 1 && !response.data) {
      const half = Math.ceil(chunk.length / 2);
      await Promise.all([this.send(chunk.slice(0, half), cacheable), this.send(chunk.slice(half), cacheable)]);
      return;
    }
    const missing: Pending[] = [];
    const busy: Pending[] = [];
    fields.forEach((outcome, i) => {
      const p = chunk[i];
      if (outcome.type === 'value') p.resolve(outcome.value);
      else if (outcome.type === 'error' && outcome.error.kind === 'unavailable' && p.retries < this.options.maxRetries) busy.push(p);
      else if (outcome.type === 'error') p.reject(outcome.error);
      else missing.push(p);
    });
    if (busy.length) void this.retryLater(busy, cacheable, response.retryAfterMs);
    if (missing.length === 0) return;
    // Other fields' errors nulled the whole response (a failing non-null field does that); ask again
    // for the rest. Each round settles at least one field, so this ends.
    if (missing.length < chunk.length) return this.send(missing, cacheable);
    const error = new TideError('server', 'the Tide server returned no data for this formula; recalculate to retry');
    for (const p of missing) p.reject(error);
  }

  /**
   * The server said "busy, retry in a moment" (a throttled store, HTTP 429 or 503): wait as long as
   * its Retry-After says (bounded, retry-after.ts), or else a doubling pause, then ask again as one batch.
   */
  private async retryLater(busy: Pending[], cacheable: boolean, retryAfterMs?: number): Promise<void> {
    const attempt = Math.max(...busy.map((p) => p.retries));
    await new Promise((r) => setTimeout(r, retryAfterMs ?? this.options.retryDelayMs * 2 ** attempt));
    for (const p of busy) p.retries++;
    this.stats.retryRequests++;
    await this.limiter.run(() => this.send(busy, cacheable));
  }
}
