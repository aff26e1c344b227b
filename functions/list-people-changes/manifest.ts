import { defineManifest, SMALL_FUNCTION, TABLE_NAME } from '../common/function-manifest.js';

export const manifest = defineManifest({
  name: 'list-people-changes',
  description: 'Every change made to the agency’s people, newest first (coordinator)',
  handler: 'handler',
  trigger: { kind: 'http', method: 'GET', path: '/agencies/{agencyId}/people/changes' },
  environment: { TABLE_NAME },
  grants: [{ on: 'table', actions: ['dynamodb:Query'], partitionKeyPrefix: 'PEOPLE#' }],
  ...SMALL_FUNCTION,
});
