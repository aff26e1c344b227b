import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'get-round',
  description: 'Reads a round',
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/rounds/{roundId}' },
  environment: {
    TABLE_NAME,
  },
  // The round and its plan rows: one Query over the round's partition.
  grants: [{ on: 'table', actions: ['dynamodb:Query'] }],
  ...SMALL_FUNCTION,
});
