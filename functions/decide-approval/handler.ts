/**
 * POST /approvals/{approvalId} {"decision": "approve" | "return", "comment"}
 * — an approver's decision. Recorded once, authorised (role, division, not
 * the uploader), and handed to the waiting step with the token kept in
 * DynamoDB.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { sfnClient } from '../../shared/adapters/sfn-client.js';
import { SfnWorkflowClient } from '../../shared/adapters/sfn-workflow-client.js';
import { agencyOfApprovalId, isApprovalId } from '../../shared/workflow/approval.js';
import { readDecisionRequest } from '../../shared/workflow/approval-decision.js';
import { decideApproval } from '../../shared/workflow/decide-approval.js';
import { workflowProblem } from '../../shared/workflow/workflow-messages.js';
import { now, readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  problems,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { jsonBody } from '../common/json-body.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => ({
  approvals: new DynamoDbApprovalRepository(documentClient(), env.TABLE_NAME),
  workflow: new SfnWorkflowClient(sfnClient(), env.STATE_MACHINE_ARN),
  now,
}));

const STATUS = { 'not-found': 404, forbidden: 403, conflict: 409 } as const;

async function decide(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const approvalId = event.pathParameters?.approvalId ?? '';
  if (!isApprovalId(approvalId)) {
    return problems(404, [workflowProblem('approval.notFound', '$', { approvalId })]);
  }
  const body = jsonBody(event);
  if (!body.ok) return problems(400, body.problems);
  const request = readDecisionRequest(body.value);
  if (!request.ok) return problems(400, request.problems);

  const agencyId = agencyOfApprovalId(approvalId);
  const outcome = await decideApproval(ports(), caller, agencyId, approvalId, request.value);
  if (outcome.kind !== 'decided') return problems(STATUS[outcome.kind], outcome.problems);

  observability.metrics.addMetric(`Decisions_${request.value.decision}`, 'Count', 1);
  if (outcome.workflow === 'gone') {
    observability.logger.warn('decision recorded but the step was no longer waiting', {
      approvalId,
    });
  }
  return json(200, { approval: outcome.approval });
}

export const handler = httpHandler(observability, decide);
