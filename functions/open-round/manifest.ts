import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'open-round',
  description: 'Opens a round (coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies/{agencyId}/rounds' },
  environment: {
    TABLE_NAME,
  },
  grants: [
    {
      on: 'table',
      // Header claim, plan rows in batches of 25, the opening mark cleared, a retry's read.
      actions: [
        'dynamodb:PutItem',
        'dynamodb:BatchWriteItem',
        'dynamodb:UpdateItem',
        'dynamodb:GetItem',
      ],
    },
  ],
  ...SMALL_FUNCTION,
});
