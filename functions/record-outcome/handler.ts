/**
 * How a walk through the approval chain ended (approved, returned, expired),
 * or how the round's sign-off ended; answers whether this execution goes on
 * to roll the round up for sign-off.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { DynamoDbSubmissionRepository } from '../../shared/adapters/dynamodb-submission-repository.js';
import { sqsClient } from '../../shared/adapters/sqs-client.js';
import { SqsNoticeQueue } from '../../shared/adapters/sqs-notice-queue.js';
import { type SettleResult, settleOutcome } from '../../shared/workflow/settle-outcome.js';
import { OutcomeTaskSchema } from '../../shared/workflow/workflow-payloads.js';
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
    now,
  };
});

async function onOutcome(event: unknown): Promise<SettleResult> {
  const task = OutcomeTaskSchema.parse(event);
  const result = await settleOutcome(ports(), task);
  logger.info('outcome', { kind: task.kind, outcome: task.outcome, roundReady: result.roundReady });
  metrics.addMetric(
    task.kind === 'item' ? `Items_${task.outcome}` : `SignOff_${task.outcome}`,
    'Count',
    1,
  );
  return result;
}

export const handler = taskHandler<SettleResult>(observability, onOutcome);
