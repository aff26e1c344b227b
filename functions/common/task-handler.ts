/**
 * Every state-machine task's Lambda is the same middy chain around its own
 * function: Powertools logging, metrics and the task's correlation id, then
 * the one translation Step Functions needs. The state machine retries only
 * errors named transient (infra/constructs/approval-state-machine.ts), so a
 * service that throttled or answered 5xx (after the SDK's own retries) is
 * rethrown as TransientError; any other error keeps its own name and fails
 * the step at once, its message the Cause.
 */

import middy, { type MiddlewareObj } from '@middy/core';
import { TransientError } from '../../shared/workflow/transient-error.js';
import { type Observability, observed } from './observability.js';
import { taskCorrelationId } from './task-correlation.js';
import { isTransientServiceError } from './transient-error.js';

export function transientAsRetryable(): MiddlewareObj<unknown> {
  return {
    onError: (request) => {
      const error = request.error;
      if (!error || error instanceof TransientError || !isTransientServiceError(error)) return;
      request.error = new TransientError(`${error.name}: ${error.message}`, { cause: error });
    },
  };
}

export function taskHandler<R>(
  observability: Observability,
  handle: (event: unknown) => Promise<R>,
) {
  return middy<unknown, R>()
    .use(observed(observability, taskCorrelationId))
    .use(transientAsRetryable())
    .handler(handle);
}
