import {
  APPROVALS_QUEUE_URL,
  defineManifest,
  SEND_TO_QUEUE,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'send-reminders',
  description: 'Reminds divisions that owe a report and approvers a step waits for',
  handler: 'handler',
  trigger: {
    kind: 'http',
    method: 'POST',
    path: '/agencies/{agencyId}/rounds/{roundId}/reminders',
  },
  environment: {
    TABLE_NAME,
    APPROVALS_QUEUE_URL,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:Query', 'dynamodb:BatchGetItem'] },
    {
      on: 'table',
      actions: ['dynamodb:UpdateItem'],
      partitionKeyPrefix: 'REMIND#',
      why: "The round's reminder run of the day: its lease and the reminders already sent",
    },
    // SendMessageBatch is authorised as sqs:SendMessage (IAM has no action of its own for it).
    { on: 'approvals-queue', actions: SEND_TO_QUEUE },
  ],
  memorySize: 512,
  // A 5,000-item round is a few hundred batch calls; the HTTP API waits at most 30 s.
  timeoutSeconds: 29,
});
