/**
 * GET /approvals?agency={agencyId} — the caller's inbox: pending approvals
 * for every role they hold (for a division director, their divisions only),
 * leaving out what they uploaded themselves, oldest first. No task token
 * ever appears here.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { inboxesOf, isInInbox, mayReadRound } from '../../shared/workflow/authorisation.js';
import { readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  problems,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const approvals = lazy(() => new DynamoDbApprovalRepository(documentClient(), env.TABLE_NAME));

/** An inbox page; a longer queue is a problem for the coordinator's status view, not for paging. */
const INBOX_LIMIT = 100;

async function listApprovals(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencies = [...new Set([...caller.roles.keys(), ...caller.divisions.keys()])];
  const agencyId =
    event.queryStringParameters?.agency ?? (agencies.length === 1 ? agencies[0] : '');
  const denied = mayReadRound(caller, agencyId ?? '');
  if (denied || !agencyId) return problems(403, denied ? [denied] : []);

  const audiences = inboxesOf(caller, agencyId);
  const pages = await Promise.all(audiences.map((a) => approvals().listInbox(a, INBOX_LIMIT)));
  const inbox = pages
    .flat()
    .filter((approval) => isInInbox(caller, approval, audiences))
    .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  return json(200, { agencyId, approvals: inbox });
}

export const handler = httpHandler(observability, listApprovals);
