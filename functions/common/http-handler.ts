/**
 * Every HTTP route's Lambda is the same middy chain around its own function:
 * Powertools logging, metrics and correlation id, then problems-shaped errors.
 */

import middy from '@middy/core';
import { type HttpEvent, type HttpResult, httpErrors, requestIdOf } from './http.js';
import { type Observability, observed } from './observability.js';

export function httpHandler(
  observability: Observability,
  handle: (event: HttpEvent) => Promise<HttpResult>,
) {
  return middy<HttpEvent, HttpResult>()
    .use(observed(observability, requestIdOf))
    .use(httpErrors(observability.logger))
    .handler(handle);
}
