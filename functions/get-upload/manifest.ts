import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-upload',
  description: 'Reads the result of an upload',
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/uploads/{uploadId}' },
  environment: {
    TABLE_NAME,
  },
  grants: [{ on: 'table', actions: ['dynamodb:GetItem'] }],
  ...SMALL_FUNCTION,
});
