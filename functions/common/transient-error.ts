/**
 * Whether an error is an AWS service being briefly unavailable (a 5xx, a
 * throttle, a dropped connection) rather than a fault in our code. The SDK
 * has already retried such a request a few times; the caller should simply
 * try again shortly, so the API answers 503 with Retry-After, not 500.
 */

import { TRANSIENT_ERROR_NAME } from '../../shared/workflow/transient-error.js';

const TRANSIENT_NAMES = new Set([
  TRANSIENT_ERROR_NAME,
  'TimeoutError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'SlowDown',
  'InternalServerError',
  // Our own bounded batch retries gave up on throttled work: the same call later finishes it.
  'UnprocessedBatchError',
]);
const TRANSIENT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);

interface ServiceErrorShape {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $retryable?: unknown;
}

export function isTransientServiceError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ServiceErrorShape;
  if (e.$fault === 'server' || e.$retryable) return true;
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return true;
  return typeof e.code === 'string' && TRANSIENT_CODES.has(e.code);
}

/** Seconds a caller should wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;
