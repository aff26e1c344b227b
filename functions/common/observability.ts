/**
 * Powertools logger and metrics, one of each per function, and the middy
 * middlewares every handler uses. The service name and metrics namespace
 * come from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE, set by
 * the CDK construct.
 */

import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { MiddlewareObj } from '@middy/core';

export interface Observability {
  logger: Logger;
  metrics: Metrics;
}

export function createObservability(): Observability {
  const logger = new Logger();
  // Metrics warns on every invocation that adds no metric (a read, say); that
  // is expected here, so it goes to the structured log at debug level.
  const metricsLogger = {
    debug: (message: string, ...rest: unknown[]) => logger.debug(message, ...(rest as [])),
    info: (message: string, ...rest: unknown[]) => logger.info(message, ...(rest as [])),
    warn: (message: string, ...rest: unknown[]) =>
      message.startsWith('No application metrics')
        ? logger.debug(message)
        : logger.warn(message, ...(rest as [])),
    error: (message: string, ...rest: unknown[]) => logger.error(message, ...(rest as [])),
  };
  // Every metric carries its stage (set by infra on every function, as the
  // Powertools variables are): dev and prod share a metric name in one account.
  const stage = process.env.STAGE;
  return {
    logger,
    metrics: new Metrics({
      logger: metricsLogger,
      ...(stage ? { defaultDimensions: { stage } } : {}),
    }),
  };
}

/**
 * Sets the correlation id from the event. (Powertools can do this from a
 * JMESPath, but that pulls in its JMESPath engine for a one-field lookup.)
 */
export function correlationId<E>(
  logger: Logger,
  pick: (event: E) => string | undefined,
): MiddlewareObj<E> {
  return {
    before: (request) => {
      const id = pick(request.event);
      if (id) logger.setCorrelationId(id);
    },
  };
}

/** The middlewares every handler starts with, in order. */
export function observed<E>(
  { logger, metrics }: Observability,
  pick: (event: E) => string | undefined,
): MiddlewareObj<E>[] {
  return [
    injectLambdaContext(logger, { resetKeys: true }) as MiddlewareObj<E>,
    logMetrics(metrics, { captureColdStartMetric: true }) as MiddlewareObj<E>,
    correlationId(logger, pick),
  ];
}
