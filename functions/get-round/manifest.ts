import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-round',
  description: 'Reads a round',
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/rounds/{roundId}' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:GetItem'] }],
  ...SMALL_FUNCTION,
});
