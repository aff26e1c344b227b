/**
 * The IAM front: an HTTP proxy before each emulator (DynamoDB, S3, SQS,
 * Step Functions, SES, Cognito, Secrets Manager). Every request a local
 * function sends is read for its signer and what it asks (aws-request.ts), evaluated against the signer's
 * role from the synthesised template (iam-evaluator.ts), and either
 * forwarded byte for byte (signatures still verify) or answered with the
 * service's own AccessDenied. A request the front cannot read, or the
 * simulator cannot decide, is forwarded but logged and recorded as
 * undecided, never silently allowed; tests assert there are none.
 *
 * Requests signed with a key that is no function's (the local stack's own
 * clients, a test's) are the operator's, as an administrator's would be.
 */

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { forwardRequest } from '../forward-request.js';
import { listenOnLoopback } from '../listen-on-loopback.js';
import { accessDenied } from './access-denied.js';
import { type AccountFacts, type IamService, readRequest } from './aws-request.js';
import type { IamEvaluator } from './iam-evaluator.js';
import type { RolePolicies } from './template-policies.js';

export interface IamPrincipal {
  /** The function's name: the session name of its role in AWS. */
  name: string;
  role: RolePolicies;
}

export interface IamEvent {
  service: IamService;
  principal: string;
  action: string;
  resource: string;
  decision: 'denied' | 'undecided';
  detail: string;
}

export interface IamLedger {
  /** Requests evaluated against a function's role (allowed or not). */
  checked: number;
  /**
   * Each function's actions the fronts evaluated (allowed or not), so a run
   * shows which of its manifest's grants it used.
   */
  actionsOf: Map<string, Set<string>>;
  denied: IamEvent[];
  undecided: IamEvent[];
}

export interface IamFrontOptions {
  service: IamService;
  /** Where allowed requests go (read per request: a fault proxy may sit between). */
  target: () => string;
  principalOf(accessKeyId: string): IamPrincipal | undefined;
  evaluator: IamEvaluator;
  facts: AccountFacts;
  ledger: IamLedger;
  log(line: string): void;
}

export interface IamFront {
  url: string;
  close(): Promise<void>;
}

function sessionArn(principal: IamPrincipal, accountId: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${principal.role.roleLogicalId}/${principal.name}`;
}

export async function startIamFront(options: IamFrontOptions): Promise<IamFront> {
  const { service, ledger } = options;
  const record = (event: IamEvent) => {
    (event.decision === 'denied' ? ledger.denied : ledger.undecided).push(event);
    options.log(
      `IAM ${event.decision}: ${event.principal} ${event.action} ${event.resource} — ${event.detail}`,
    );
  };

  /** Undefined to forward; otherwise the AccessDenied message. */
  const verdictOf = async (shape: Parameters<typeof readRequest>[1]) => {
    const read = readRequest(service, shape, options.facts);
    if (read.kind === 'open') return undefined;
    const principal = read.accessKeyId ? options.principalOf(read.accessKeyId) : undefined;
    if (!read.accessKeyId) {
      return 'Anonymous users cannot access this resource: every acm-report resource is private.';
    }
    // The operator's own key (the local stack's clients, a test's): no function's role applies.
    if (!principal) return undefined;
    if (read.kind === 'undecided') {
      record({
        service,
        principal: principal.name,
        action: `${service}:?`,
        resource: shape.url,
        decision: 'undecided',
        detail: read.reason,
      });
      return undefined;
    }
    const session = sessionArn(principal, options.facts.accountId);
    for (const check of read.checks) {
      ledger.checked += 1;
      const actions = ledger.actionsOf.get(principal.name) ?? new Set<string>();
      ledger.actionsOf.set(principal.name, actions.add(check.action));
      const verdict = await options.evaluator.evaluate(principal.role, session, check);
      if (verdict.decision === 'allowed') continue;
      const detail = verdict.decision === 'denied' ? verdict.message : verdict.reason;
      record({
        service,
        principal: principal.name,
        action: check.action,
        resource: check.resource,
        decision: verdict.decision,
        detail,
      });
      if (verdict.decision === 'denied') return verdict.message;
    }
    return undefined;
  };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const shape = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body,
      };
      verdictOf(shape).then(
        (denial) => {
          if (denial !== undefined) {
            const answer = accessDenied(service, denial, randomUUID());
            outgoing.writeHead(answer.status, answer.headers);
            outgoing.end(shape.method === 'HEAD' ? undefined : answer.body);
            return;
          }
          forwardRequest(incoming, body, outgoing, options.target());
        },
        (error: unknown) => {
          outgoing.writeHead(500).end(String(error));
        },
      );
    });
  });
  return listenOnLoopback(server);
}
