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
  memorySize: SMALL_FUNCTION.memorySize,
  // A plan of 5,000 items is 200 BatchWriteItem pages: about a second in AWS,
  // up to 11 s on the embedded stack of a loaded 2-core machine, where 10 s
  // answered 503. 29 s stays inside the HTTP API's 30 s integration limit.
  timeoutSeconds: 29,
});
