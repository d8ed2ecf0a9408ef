import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import type { RetryErrorType } from '@smithy/types';

// Which store faults are worth retrying, as the AWS SDK reads them: its retry middleware classifies an
// error with these same three functions and its standard strategy retries THROTTLING and TRANSIENT
// only. Taking the SDK's functions, not a list of our own, keeps the definition true for Tide's wire
// client (which asks this module) and for the SDK's document client (which asks the SDK) alike:
// - throttling: HTTP 429, a `$retryable.throttling` trait, or one of the SDK's throttling error names
//   (ProvisionedThroughputExceededException, ThrottlingException, RequestLimitExceeded, …);
// - transient: HTTP 500/502/503/504, TimeoutError/RequestTimeout, a `$retryable` trait, a corrected
//   clock skew, and Node's network errors by code (ECONNRESET, ECONNREFUSED, EPIPE, ETIMEDOUT,
//   EHOSTUNREACH, ENETUNREACH, ENOTFOUND, EAI_AGAIN), looked for along the error's `cause` chain too.
// A fault that outlasts the retries is the one the GraphQL layer answers SERVICE_UNAVAILABLE.

/** A fault the store client retries, and so one a caller may retry too. */
export type TransientFault = 'THROTTLING' | 'TRANSIENT';

type SdkError = Parameters<typeof isTransientError>[0];

/** The SDK's functions read `name`, `code`, `$metadata`, `cause`: only an object can be one of these. */
const asSdkError = (error: unknown): SdkError | undefined => (error !== null && typeof error === 'object' ? (error as SdkError) : undefined);

/** The SDK's reading of an error, as its retry strategy takes it (throttling first: it backs off longer). */
export function retryErrorType(error: unknown): RetryErrorType {
  const e = asSdkError(error);
  if (!e) return 'CLIENT_ERROR';
  if (isThrottlingError(e)) return 'THROTTLING';
  if (isTransientError(e)) return 'TRANSIENT';
  if (isServerError(e)) return 'SERVER_ERROR';
  return 'CLIENT_ERROR';
}

/** The kind of transient fault an error is, or undefined when retrying would not help. */
export function transientFault(error: unknown): TransientFault | undefined {
  const type = retryErrorType(error);
  return type === 'THROTTLING' || type === 'TRANSIENT' ? type : undefined;
}

/**
 * Seconds a caller should wait before asking again (the Retry-After Tide sends): the store client has
 * already backed off for up to a few seconds, so throttling, which lasts until capacity is added or the
 * burst passes, asks for longer than a dropped connection does.
 */
export const RETRY_AFTER_SECONDS: Record<TransientFault, number> = { THROTTLING: 2, TRANSIENT: 1 };
