import {
  defineManifest,
  SMALL_FUNCTION,
  STATE_MACHINE_ARN,
  TABLE_NAME,
} from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'decide-approval',
  description: 'Approves or returns a pending approval',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/approvals/{approvalId}' },
  environment: {
    TABLE_NAME,
    STATE_MACHINE_ARN,
  },
  grants: [
    { on: 'table', actions: ['dynamodb:GetItem', 'dynamodb:UpdateItem'] },
    {
      on: 'task-tokens',
      actions: ['states:SendTaskSuccess'],
      why: 'a decision resumes the waiting step by its task token.',
    },
  ],
  ...SMALL_FUNCTION,
});
