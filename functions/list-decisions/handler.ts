/**
 * GET /approvals/decided?agency={agencyId} — what the caller has decided
 * there, newest first (the approver's history). No task token ever appears.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { decisionHistory } from '../../shared/workflow/decision-history.js';
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

async function listDecisions(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const agencies = [...new Set([...caller.roles.keys(), ...caller.divisions.keys()])];
  const agencyId =
    event.queryStringParameters?.agency ?? (agencies.length === 1 ? agencies[0] : '') ?? '';
  const outcome = await decisionHistory({ approvals: approvals() }, caller, agencyId);
  if (outcome.kind === 'forbidden') return problems(403, outcome.problems);
  return json(200, { agencyId, decisions: outcome.decisions });
}

export const handler = httpHandler(observability, listDecisions);
