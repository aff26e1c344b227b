import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'list-rounds',
  description: "The agency's rounds, newest first",
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/rounds' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:Query'] }],
  ...SMALL_FUNCTION,
});
