/**
 * HTTP API (payload format 2.0) plumbing: the caller from the JWT
 * authorizer's claims and responses that always carry problems in Thai and
 * English. (JSON bodies are in json-body.ts: reading them pulls in the
 * document schemas, which GET handlers need not load.)
 */

import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareObj } from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { ValidationProblem } from '../../shared/validation/validation-problem.js';
import { type Caller, callerFromClaims } from '../../shared/workflow/caller.js';
import { workflowProblem } from '../../shared/workflow/workflow-messages.js';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

const HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // Answers depend on who asks; nothing in between may keep them.
  'cache-control': 'no-store',
};

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: HEADERS, body: JSON.stringify(body) };
}

export function problems(statusCode: number, list: readonly ValidationProblem[]): HttpResult {
  return json(statusCode, { problems: list });
}

export function callerOf(event: HttpEvent): Caller | undefined {
  const claims = event.requestContext.authorizer?.jwt?.claims ?? {};
  return callerFromClaims(claims);
}

export const unauthenticated = () => problems(401, [workflowProblem('auth.notSignedIn')]);

/** Correlation id of an HTTP request: API Gateway's request id. */
export const requestIdOf = (event: HttpEvent) => event.requestContext?.requestId;

/**
 * An unexpected error becomes a 500 with a bilingual message and the request
 * id to quote, never a stack trace.
 */
export function httpErrors(logger: Logger): MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: (request) => {
      logger.error('request failed', { error: request.error as Error });
      request.response = json(500, {
        problems: [
          {
            path: '$',
            code: 'server.error',
            message: { th: 'ระบบขัดข้อง', en: 'Something went wrong on our side' },
            fix: {
              th: `ลองอีกครั้งภายหลัง หากยังไม่ได้ให้แจ้งรหัส ${request.event.requestContext?.requestId ?? ''}`,
              en: `Try again later; if it persists, quote ${request.event.requestContext?.requestId ?? ''}`,
            },
          },
        ],
      });
    },
  };
}
