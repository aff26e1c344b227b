/**
 * A waiting step of the approval state machine (.waitForTaskToken): record
 * the pending approval and its token in DynamoDB, then put a notice (with
 * the approval id, never the token) on the approvals queue. The same
 * function serves the first request, the reminder and the escalation.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { sfnClient } from '../../shared/adapters/sfn-client.js';
import { SfnWorkflowClient } from '../../shared/adapters/sfn-workflow-client.js';
import { sqsClient } from '../../shared/adapters/sqs-client.js';
import { SqsNoticeQueue } from '../../shared/adapters/sqs-notice-queue.js';
import { requestApproval } from '../../shared/workflow/request-approval.js';
import { ApprovalTaskSchema } from '../../shared/workflow/workflow-payloads.js';
import { now, readEnvironment } from '../common/environment.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { taskHandler } from '../common/task-handler.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const { logger, metrics } = observability;
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    approvals: new DynamoDbApprovalRepository(documentClient(), table),
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    submissions: new DynamoDbSubmissionRepository(documentClient(), table),
    notices: new SqsNoticeQueue(sqsClient(), env.APPROVALS_QUEUE_URL),
    workflow: new SfnWorkflowClient(sfnClient(), env.STATE_MACHINE_ARN),
    now,
  };
});

/** Metric per phase: escalations feed the "approvals overdue" alarm. */
const PHASE_METRIC = {
  request: 'ApprovalsRequested',
  reminder: 'ApprovalReminders',
  escalation: 'ApprovalsOverdue',
} as const;

async function onApprovalStep(event: unknown): Promise<{ approvalId: string }> {
  const task = ApprovalTaskSchema.parse(event);
  const outcome = await requestApproval(ports(), task);
  logger.info('approval step', {
    approvalId: outcome.approval.approvalId,
    phase: task.phase,
    outcome: outcome.kind,
  });
  metrics.addMetric(PHASE_METRIC[task.phase], 'Count', 1);
  return { approvalId: outcome.approval.approvalId };
}

export const handler = taskHandler<{ approvalId: string }>(observability, onApprovalStep);
