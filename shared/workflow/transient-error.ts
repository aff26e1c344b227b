/**
 * A failure that goes away if the same work is simply tried again shortly:
 * a service throttled us, answered 5xx, or left part of a batch undone after
 * our own bounded retries. Its name is what Step Functions matches in a
 * Retry's ErrorEquals (a Lambda's error type is the error's name), and the
 * API answers it with 503 and Retry-After. Everything else is permanent: a
 * retry would fail the same way, so the step fails at once.
 */
export class TransientError extends Error {
  override readonly name = 'TransientError';
}

/** The error type Step Functions sees for a TransientError thrown by a task. */
export const TRANSIENT_ERROR_NAME = 'TransientError';
