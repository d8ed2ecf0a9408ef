// What the batching client can be tuned with, and the defaults a workbook gets.
import type { Endpoint } from './transport.js';

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
}

export const DEFAULT_OPTIONS: Omit<ClientOptions, 'url'> = {
  timeoutMs: 20_000,
  batchDelayMs: 10,
  maxFieldsPerRequest: 200,
  maxConcurrentRequests: 2,
  cacheTtlMs: 30_000,
  retryDelayMs: 500,
  maxRetries: 2,
};
