import {
  APPROVALS_QUEUE_URL,
  defineManifest,
  SEND_TO_QUEUE,
  SMALL_FUNCTION,
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
    { on: 'approvals-queue', actions: SEND_TO_QUEUE },
  ],
  ...SMALL_FUNCTION,
});
