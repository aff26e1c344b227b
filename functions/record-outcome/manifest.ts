import {
  APPROVALS_QUEUE_URL,
  defineManifest,
  SEND_TO_QUEUE,
  SMALL_FUNCTION,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'record-outcome',
  description: 'Records how an approval chain or sign-off ended; claims the round sign-off',
  handler: 'handler',
  trigger: { kind: 'state-machine' },
  environment: { TABLE_NAME, APPROVALS_QUEUE_URL },
  grants: [
    { on: 'table', actions: ['dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'] },
    { on: 'approvals-queue', actions: SEND_TO_QUEUE },
  ],
  ...SMALL_FUNCTION,
});
