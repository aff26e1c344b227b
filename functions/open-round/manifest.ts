import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'open-round',
  description: 'Opens a round (coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'POST', path: '/agencies/{agencyId}/rounds' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:PutItem'] }],
  ...SMALL_FUNCTION,
});
