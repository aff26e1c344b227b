import {
  APPROVALS_QUEUE_URL,
  defineManifest,
  SEND_TO_QUEUE,
  SMALL_FUNCTION,
  STATE_MACHINE_ARN,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'approval-request',
  description: 'Records a pending approval and its task token, notifies the approvers',
  handler: 'handler',
  trigger: { kind: 'state-machine' },
  environment: { TABLE_NAME, APPROVALS_QUEUE_URL, STATE_MACHINE_ARN },
  grants: [
    { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] },
    { on: 'approvals-queue', actions: SEND_TO_QUEUE },
    {
      on: 'task-tokens',
      actions: ['states:SendTaskSuccess'],
      why: 'only to hand back a decision made while the step was being re-asked.',
    },
  ],
  ...SMALL_FUNCTION,
});
