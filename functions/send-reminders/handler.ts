/**
 * POST /agencies/{agencyId}/rounds/{roundId}/reminders — the coordinator
 * reminds every division that still owes a report and every approver a
 * step waits for, through the approvals queue.
 */

import { DynamoDbApprovalRepository } from '../../shared/adapters/dynamodb-approval-repository.js';
import { documentClient } from '../../shared/adapters/dynamodb-client.js';
import { DynamoDbReminderLog } from '../../shared/adapters/dynamodb-reminder-log.js';
import { DynamoDbRoundRepository } from '../../shared/adapters/dynamodb-round-repository.js';
import { sqsClient } from '../../shared/adapters/sqs-client.js';
import { SqsNoticeQueue } from '../../shared/adapters/sqs-notice-queue.js';
import { sendReminders } from '../../shared/workflow/send-reminders.js';
import { now, readEnvironment } from '../common/environment.js';
import {
  callerOf,
  type HttpEvent,
  type HttpResult,
  json,
  refusal,
  unauthenticated,
} from '../common/http.js';
import { httpHandler } from '../common/http-handler.js';
import { lazy } from '../common/lazy.js';
import { createObservability } from '../common/observability.js';
import { manifest } from './manifest.js';

const env = readEnvironment(manifest);

const observability = createObservability();
const ports = lazy(() => {
  const table = env.TABLE_NAME;
  return {
    rounds: new DynamoDbRoundRepository(documentClient(), table),
    approvals: new DynamoDbApprovalRepository(documentClient(), table),
    notices: new SqsNoticeQueue(sqsClient(), env.APPROVALS_QUEUE_URL),
    reminders: new DynamoDbReminderLog(documentClient(), table),
    now,
  };
});

async function remind(event: HttpEvent): Promise<HttpResult> {
  const caller = callerOf(event);
  if (!caller) return unauthenticated();
  const where = {
    agencyId: event.pathParameters?.agencyId ?? '',
    roundId: event.pathParameters?.roundId ?? '',
  };
  const outcome = await sendReminders(ports(), caller, where);
  if (outcome.kind !== 'sent') {
    return refusal(outcome);
  }
  const { items, approvals, alreadyToday } = outcome.sent;
  const count = items.length + approvals.length - alreadyToday;
  observability.metrics.addMetric('RemindersSent', 'Count', count);
  return json(202, outcome.sent);
}

export const handler = httpHandler(observability, remind);
