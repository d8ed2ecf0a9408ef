// What the batching client can be tuned with, and the defaults a workbook gets.
import { utcToday } from './cacheable.js';
import { MAX_GET_URL_BYTES, type Endpoint } from './transport.js';

export interface ClientOptions extends Endpoint {
  /** How long to wait after the first call for more calls of the same recalculation. */
  batchDelayMs: number;
  /** The most aliased fields in one request. */
  maxFieldsPerRequest: number;
  /** The most requests in flight at once. */
  maxConcurrentRequests: number;
  /** How long a successful answer is reused; 0 turns the cache off. */
  cacheTtlMs: number;
  /** Pause before asking again for fields the server called momentarily unavailable (doubling). */
  retryDelayMs: number;
  /** How many times such fields are asked again before the cell shows the error. */
  maxRetries: number;
  /** Send requests whose answers cannot change as GET (cacheable by a CDN); false sends every request as POST. */
  cacheableGet: boolean;
  /** The longest GET URL in bytes (CloudFront's limit); a longer request goes as POST. */
  maxGetUrlBytes: number;
  /** Today's date (UTC, YYYY-MM-DD), which decides which asOf dates are settled. */
  today(): string;
}

export const DEFAULT_OPTIONS: Omit<ClientOptions, 'url'> = {
  timeoutMs: 20_000,
  batchDelayMs: 10,
  maxFieldsPerRequest: 200,
  maxConcurrentRequests: 2,
  cacheTtlMs: 30_000,
  retryDelayMs: 500,
  maxRetries: 2,
  cacheableGet: true,
  maxGetUrlBytes: MAX_GET_URL_BYTES,
  today: () => utcToday(),
};
