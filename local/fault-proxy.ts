/**
 * Fault injection for the embedded stack: a pass-through HTTP proxy in front
 * of an embedded service (DynamoDB, S3 or SQS) that answers chosen requests with
 * the service's own "unavailable" error instead of forwarding them. The
 * handlers' SDK clients talk to the proxy through the same
 * AWS_ENDPOINT_URL_<SERVICE> variables as ever, so what fails is exactly
 * what fails in AWS: a request, seen by the SDK (which retries it), then by
 * the handler, the queue and the state machine.
 *
 * Requests pass through byte for byte, headers included, so signatures the
 * services check still verify.
 */

import { createServer, type IncomingHttpHeaders } from 'node:http';
import { forwardRequest } from './forward-request.js';
import { listenOnLoopback } from './listen-on-loopback.js';

export type FaultService = 'dynamodb' | 's3' | 'sqs';

/** Services that speak AWS's JSON protocol: the operation is in X-Amz-Target, the body is JSON. */
const JSON_PROTOCOL: ReadonlySet<FaultService> = new Set(['dynamodb', 'sqs']);

/** What a rule sees of a request. */
export interface ProxiedRequest {
  service: FaultService;
  method: string;
  /** The URL path (for S3: /bucket/key, URL-encoded as sent). */
  path: string;
  /** DynamoDB's or SQS's operation, e.g. "PutItem" (from X-Amz-Target). */
  operation?: string;
  /** The request body as text (DynamoDB's and SQS's JSON; S3 bodies are not inspected). */
  body: string;
}

export interface FaultRule {
  /** Names the rule in counts and logs. */
  name: string;
  matches(request: ProxiedRequest): boolean;
  /** Fail only this many matching requests, then pass them (default: every one until removed). */
  times?: number;
}

export interface FaultInjector {
  /** Starts failing what the rule matches; returns a function that stops it. */
  inject(rule: FaultRule): () => void;
  /** Stops every rule. */
  clear(): void;
  /** Requests failed so far, per rule name. */
  failures(): Record<string, number>;
}

export interface FaultProxy {
  url: string;
  close(): Promise<void>;
}

interface ActiveRule {
  rule: FaultRule;
  left: number;
}

/** The error each service answers when it is unavailable; each is retryable for the SDK. */
function unavailable(
  service: FaultService,
  rule: string,
): { headers: Record<string, string>; body: string } {
  if (service === 'dynamodb') {
    return {
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify({
        __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
        message: `fault injected: ${rule}`,
      }),
    };
  }
  if (service === 'sqs') {
    return {
      headers: { 'content-type': 'application/x-amz-json-1.0' },
      body: JSON.stringify({
        __type: 'com.amazon.coral.service#InternalFailure',
        message: `fault injected: ${rule}`,
      }),
    };
  }
  return {
    headers: { 'content-type': 'application/xml' },
    body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>ServiceUnavailable</Code><Message>fault injected: ${rule}</Message></Error>`,
  };
}

function operationOf(headers: IncomingHttpHeaders): string | undefined {
  const target = headers['x-amz-target'];
  return typeof target === 'string' ? target.split('.').pop() : undefined;
}

export function createFaultInjector(): FaultInjector & {
  decide(request: ProxiedRequest): string | undefined;
} {
  const active = new Set<ActiveRule>();
  const counts: Record<string, number> = {};
  return {
    inject(rule) {
      const entry = { rule, left: rule.times ?? Number.POSITIVE_INFINITY };
      active.add(entry);
      return () => {
        active.delete(entry);
      };
    },
    clear: () => active.clear(),
    failures: () => ({ ...counts }),
    decide(request) {
      for (const entry of active) {
        if (entry.left <= 0 || !entry.rule.matches(request)) continue;
        entry.left -= 1;
        counts[entry.rule.name] = (counts[entry.rule.name] ?? 0) + 1;
        return entry.rule.name;
      }
      return undefined;
    },
  };
}

export async function startFaultProxy(
  service: FaultService,
  target: string,
  decide: (request: ProxiedRequest) => string | undefined,
): Promise<FaultProxy> {
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const failedBy = decide({
        service,
        method: incoming.method ?? 'GET',
        path: (incoming.url ?? '/').split('?')[0] ?? '/',
        ...(JSON_PROTOCOL.has(service) ? { operation: operationOf(incoming.headers) } : {}),
        body: JSON_PROTOCOL.has(service) ? body.toString('utf8') : '',
      });
      if (failedBy) {
        const answer = unavailable(service, failedBy);
        outgoing.writeHead(service === 's3' ? 503 : 500, answer.headers).end(answer.body);
        return;
      }
      forwardRequest(incoming, body, outgoing, target);
    });
  });
  return listenOnLoopback(server);
}
